package dev.turnpike.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tlsConfig.insecureSkipVerification} against real HTTPS servers on 127.0.0.1 with keytool's self-signed
 * certificates: any authority is accepted, but an expired certificate or one for another host is not, as on AWS.
 */
class PresentedRootTrustTest {

    private static final char[] PASSWORD = "secret".toCharArray();

    @TempDir
    Path dir;

    private final List<HttpsServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(server -> server.stop(0));
    }

    @Test
    void aSelfSignedCertificateForTheHostIsAccepted() throws Exception {
        URI backend = serve(selfSigned("ok", "san=ip:127.0.0.1", null));

        assertThat(send(skippingAuthorityCheck(), backend).body()).isEqualTo("served");
    }

    @Test
    void theTrustStoreAloneRefusesTheSameCertificate() throws Exception {
        URI backend = serve(selfSigned("ok", "san=ip:127.0.0.1", null));

        assertThatThrownBy(() -> send(HttpClient.newHttpClient(), backend)).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void aCertificateForAnotherHostIsRefused() throws Exception {
        URI backend = serve(selfSigned("other", "san=dns:backend.example", null));

        assertThatThrownBy(() -> send(skippingAuthorityCheck(), backend)).isInstanceOf(SSLHandshakeException.class)
                .hasStackTraceContaining("127.0.0.1");
    }

    @Test
    void anExpiredCertificateIsRefused() throws Exception {
        URI backend = serve(selfSigned("expired", "san=ip:127.0.0.1", "-3d"));

        assertThatThrownBy(() -> send(skippingAuthorityCheck(), backend)).isInstanceOf(SSLHandshakeException.class)
                .hasStackTraceContaining("CertificateExpiredException");
    }

    private static HttpClient skippingAuthorityCheck() {
        return HttpClient.newBuilder().sslContext(BackendTls.skippingAuthorityCheck(Map.of())).build();
    }

    private static HttpResponse<String> send(HttpClient client, URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A key store with a self-signed EC certificate; {@code startDate} like keytool's {@code -startdate}. */
    private Path selfSigned(String name, String san, String startDate) throws Exception {
        Path store = dir.resolve(name + ".p12");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
                "-ext", san, "-validity", "1", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", new String(PASSWORD)));
        if (startDate != null) {
            command.addAll(List.of("-startdate", startDate));
        }
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = keytool.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(keytool.waitFor()).as(output).isZero();
        assertThat(Files.size(store)).isPositive();
        return store;
    }

    private URI serve(Path keyStore) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(factory.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> {
            byte[] body = "served".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        servers.add(server);
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/");
    }
}
