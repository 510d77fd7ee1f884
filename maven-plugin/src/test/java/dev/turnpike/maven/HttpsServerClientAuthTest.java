package dev.turnpike.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.Filter;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code -Dturnpike.truststore} and {@code -Dturnpike.clientAuth}: the local server asking for client certificates. */
class HttpsServerClientAuthTest {

    private static final char[] PASSWORD = "secret".toCharArray();

    /** Answers with the subject of the certificate the servlet request carries, or {@code none}. */
    private final Filter answersWithTheCertificate = (request, response, chain) -> {
        X509Certificate[] chainSeen = (X509Certificate[]) request.getAttribute("jakarta.servlet.request.X509Certificate");
        response.getWriter().write(chainSeen == null ? "none" : chainSeen[0].getSubjectX500Principal().getName());
    };

    private static SelfSignedCertificate serverCertificate;
    private static KeyStore clientKey;
    private static KeyStore clientTrusted;

    @BeforeAll
    static void certificates() throws Exception {
        serverCertificate = SelfSignedCertificate.forHost("127.0.0.1");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=Local Client");
        Instant now = Instant.now();
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                new JcaX509v3CertificateBuilder(name, BigInteger.ONE, Date.from(now.minus(Duration.ofHours(1))),
                        Date.from(now.plus(Duration.ofDays(1))), name, pair.getPublic())
                        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        clientKey = KeyStore.getInstance("PKCS12");
        clientKey.load(null, null);
        clientKey.setKeyEntry("client", pair.getPrivate(), PASSWORD, new X509Certificate[] {certificate});
        clientTrusted = KeyStore.getInstance("PKCS12");
        clientTrusted.load(null, null);
        clientTrusted.setCertificateEntry("client", certificate);
    }

    @Test
    void wantedTakesACertificateWhenOneIsPresentedAndServesClientsWithoutOne() throws Exception {
        try (HttpsServer server = start(HttpsServer.ClientCertificates.of(clientTrusted, "wanted"))) {
            assertThat(get(server, withCertificate())).isEqualTo("CN=Local Client");
            assertThat(get(server, withoutCertificate())).isEqualTo("none");
        }
    }

    @Test
    void requiredRefusesTheHandshakeOfAClientWithoutACertificate() throws Exception {
        try (HttpsServer server = start(HttpsServer.ClientCertificates.of(clientTrusted, "required"))) {
            assertThat(get(server, withCertificate())).isEqualTo("CN=Local Client");
            assertThatThrownBy(() -> get(server, withoutCertificate())).isInstanceOf(IOException.class);
        }
    }

    @Test
    void withoutATrustStoreNoCertificateIsAskedFor() throws Exception {
        assertThat(HttpsServer.ClientCertificates.of(null, null)).isSameAs(HttpsServer.ClientCertificates.NOT_ASKED);
        assertThat(HttpsServer.ClientCertificates.of(null, "wanted"))
                .isSameAs(HttpsServer.ClientCertificates.NOT_ASKED);
        assertThat(HttpsServer.ClientCertificates.of(clientTrusted, null))
                .isEqualTo(new HttpsServer.ClientCertificates(clientTrusted, false));
    }

    @Test
    void saysWhatIsWrongWithClientAuth() {
        assertThatThrownBy(() -> HttpsServer.ClientCertificates.of(clientTrusted, "need"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Turnpike: -Dturnpike.clientAuth=need: expected wanted or required");
        assertThatThrownBy(() -> HttpsServer.ClientCertificates.of(null, "required"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Turnpike: -Dturnpike.clientAuth=required needs -Dturnpike.truststore, a PKCS12 file"
                        + " with the certificates client certificates are verified against");
    }

    private HttpsServer start(HttpsServer.ClientCertificates clientCertificates) throws Exception {
        return HttpsServer.start("127.0.0.1", 0, serverCertificate, clientCertificates, answersWithTheCertificate);
    }

    private static String get(HttpsServer server, SSLContext tls) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(tls).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                URI.create("https://127.0.0.1:" + server.port() + "/dev")).build(), HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    private static SSLContext withCertificate() throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(clientKey, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trustingTheServer(), null);
        return context;
    }

    private static SSLContext withoutCertificate() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustingTheServer(), null);
        return context;
    }

    private static TrustManager[] trustingTheServer() throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("server", serverCertificate.certificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        return trust.getTrustManagers();
    }
}
