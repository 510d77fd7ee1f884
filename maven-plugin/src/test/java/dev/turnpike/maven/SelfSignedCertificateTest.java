package dev.turnpike.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Key;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelfSignedCertificateTest {

    @Test
    void namesLocalhostAndTheLoopbackAddress() throws Exception {
        X509Certificate certificate = SelfSignedCertificate.forHost("127.0.0.1").certificate();

        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("O=Turnpike local server,CN=localhost");
        assertThat(certificate.getSubjectAlternativeNames())
                .containsExactly(List.of(2, "localhost"), List.of(7, "127.0.0.1"));
    }

    @Test
    void alsoNamesAnotherHostServed() throws Exception {
        X509Certificate certificate = SelfSignedCertificate.forHost("gateway.test").certificate();

        assertThat(certificate.getSubjectAlternativeNames())
                .containsExactly(List.of(2, "localhost"), List.of(7, "127.0.0.1"), List.of(2, "gateway.test"));
    }

    @Test
    void isSelfSignedValidNowAndForServersOnly() throws Exception {
        X509Certificate certificate = SelfSignedCertificate.forHost("127.0.0.1").certificate();

        certificate.verify(certificate.getPublicKey());
        certificate.checkValidity(new Date());
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(certificate.getSubjectX500Principal());
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withECDSA");
    }

    @Test
    void keyStoreHoldsTheKeyUnderItsPassword() throws Exception {
        SelfSignedCertificate made = SelfSignedCertificate.forHost("127.0.0.1");

        Key key = made.keyStore().getKey(SelfSignedCertificate.ALIAS, made.password());
        assertThat(key).isInstanceOf(PrivateKey.class);
        assertThat(made.keyStore().getType()).isEqualTo("PKCS12");
        assertThat(made.keyStore().getCertificate(SelfSignedCertificate.ALIAS)).isEqualTo(made.certificate());
    }

    @Test
    void everyCertificateIsNew() throws Exception {
        X509Certificate first = SelfSignedCertificate.forHost("127.0.0.1").certificate();
        X509Certificate second = SelfSignedCertificate.forHost("127.0.0.1").certificate();

        assertThat(first.getSerialNumber()).isNotEqualTo(second.getSerialNumber());
        assertThat(first.getPublicKey()).isNotEqualTo(second.getPublicKey());
    }
}
