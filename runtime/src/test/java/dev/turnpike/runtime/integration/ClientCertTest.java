package dev.turnpike.runtime.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Map;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;

/**
 * The client certificate as API Gateway's mutual TLS writes it into {@code $context.identity.clientCert}; the
 * expected values are what `openssl x509 -nameopt sep_comma_plus -subject -issuer -serial -dates` prints for the
 * same certificate, the form of the recorded event aws-lambda-go.apigw-custom-auth-request-type-request.json.
 */
class ClientCertTest {

    /** Made by keytool: "My Client" signed by "My Private CA", valid for the dates of AWS's recorded example. */
    private static final String PEM = "-----BEGIN CERTIFICATE-----\n"
            + "MIICMjCCAdegAwIBAgIJAP+KnvaBEQ7RMAoGCCqGSM49BAMCMH0xCzAJBgNVBAYT\n"
            + "AlVTMRMwEQYDVQQIEwpXYXNoaW5ndG9uMRAwDgYDVQQHEwdTZWF0dGxlMRwwGgYD\n"
            + "VQQKExNBbWF6b24gV2ViIFNlcnZpY2VzMREwDwYDVQQLEwhTZWN1cml0eTEWMBQG\n"
            + "A1UEAxMNTXkgUHJpdmF0ZSBDQTAgFw0yMDA4MjkwMDI4MjFaGA8yMTIwMDgwNTAw\n"
            + "MjgyMVoweTELMAkGA1UEBhMCVVMxEzARBgNVBAgTCldhc2hpbmd0b24xEDAOBgNV\n"
            + "BAcTB1NlYXR0bGUxHDAaBgNVBAoTE0FtYXpvbiBXZWIgU2VydmljZXMxETAPBgNV\n"
            + "BAsTCFNlY3VyaXR5MRIwEAYDVQQDEwlNeSBDbGllbnQwWTATBgcqhkjOPQIBBggq\n"
            + "hkjOPQMBBwNCAASf54yVVEHp/lbjm5MpDnW1rD1mj7o7kYXVA0nW/C0SI5985HEl\n"
            + "umtfT2nPbAsvTiMzsvDn+khSznDm9/sQqBnko0IwQDAdBgNVHQ4EFgQUxw+mqClc\n"
            + "pSlgOOWHQ/Xd1UrPejkwHwYDVR0jBBgwFoAUFXyXBx6IYhrIrF3wgwRmDebIwYsw\n"
            + "CgYIKoZIzj0EAwIDSQAwRgIhAPOGS4NSeMH4fzH16jTdaSoGoelHx+rfpWoavnFr\n"
            + "IZzXAiEAp+BY5xzRQ3hNL0nIzaMCO/+C9iRbXl4hwegRwK8JPC0=\n"
            + "-----END CERTIFICATE-----\n";

    @Test
    void writesTheCertificateInAwsWords() throws Exception {
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(PEM.getBytes(StandardCharsets.US_ASCII)));

        assertThat(ClientCert.of(certificate)).isEqualTo(Map.of(
                "clientCertPem", PEM,
                "subjectDN", "C=US,ST=Washington,L=Seattle,O=Amazon Web Services,OU=Security,CN=My Client",
                "issuerDN", "C=US,ST=Washington,L=Seattle,O=Amazon Web Services,OU=Security,CN=My Private CA",
                "serialNumber", "ff:8a:9e:f6:81:11:0e:d1",
                "validity", Map.of("notBefore", "Aug 29 00:28:21 2020 GMT", "notAfter", "Aug  5 00:28:21 2120 GMT")));
    }

    @Test
    void aSerialNumberThatFitsASignedLongIsDecimalALongerOneHexBytes() {
        assertThat(ClientCert.serialNumber(BigInteger.ONE)).isEqualTo("1");
        assertThat(ClientCert.serialNumber(BigInteger.valueOf(Long.MAX_VALUE))).isEqualTo("9223372036854775807");
        assertThat(ClientCert.serialNumber(new BigInteger("a1".repeat(16), 16)))
                .isEqualTo("a1:a1:a1:a1:a1:a1:a1:a1:a1:a1:a1:a1:a1:a1:a1:a1");
        assertThat(ClientCert.serialNumber(new BigInteger("0100000000000000ff", 16)))
                .isEqualTo("01:00:00:00:00:00:00:00:ff");
    }

    @Test
    void aCommaInsideAValueStaysEscapedInItsPart() {
        X500Principal name = new X500Principal("CN=Ada,O=Example\\, Inc.,C=GB");

        assertThat(ClientCert.distinguishedName(name)).isEqualTo("C=GB,O=Example\\, Inc.,CN=Ada");
    }

    @Test
    void anEmailAddressIsNamedAsOpensslNamesIt() {
        X500Principal name = new X500Principal("EMAILADDRESS=ada@example.com, CN=Ada");

        assertThat(ClientCert.distinguishedName(name)).isEqualTo("CN=Ada,emailAddress=ada@example.com");
    }
}
