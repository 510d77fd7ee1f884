package dev.turnpike.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.Filter;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpsServerTest {

    private final Filter answersItself = (request, response, chain) -> answer(response,
            request.isSecure() + " " + request.isAsyncSupported());

    private SelfSignedCertificate certificate;
    private HttpsServer server;

    @BeforeEach
    void start() throws Exception {
        certificate = SelfSignedCertificate.forHost("127.0.0.1");
        server = HttpsServer.start("127.0.0.1", 0, certificate, HttpsServer.ClientCertificates.NOT_ASKED,
                answersItself);
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void servesTheFilterOverHttpsUnderEveryNameOfItsCertificate() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(trusting(certificate)).build();

        for (String host : new String[] {"127.0.0.1", "localhost"}) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create("https://" + host + ":" + server.port() + "/dev/any/path"))
                            .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(host).isEqualTo(200);
            assertThat(response.body()).as(host).isEqualTo("true true");
            assertThat(response.headers().firstValue("Server")).isEmpty();
        }
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsRefused() {
        HttpClient client = HttpClient.newHttpClient();

        assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(
                URI.create("https://127.0.0.1:" + server.port() + "/dev")).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void plainHttpIsNotAnswered() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /dev HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer;
            try {
                answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            } catch (IOException reset) {
                answer = "";
            }
            assertThat(answer).doesNotStartWith("HTTP/1.1 200");
        }
    }

    private static void answer(ServletResponse response, String body) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().write(body);
    }

    static SSLContext trusting(SelfSignedCertificate certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("local", certificate.certificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
