package dev.turnpike.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Lambda example's WAR, unchanged, in embedded Jetty: its AWS_PROXY methods run the WAR's own handlers. */
class JettyLambdaTest {

    @TempDir
    static Path dir;

    static ServedWar served;
    static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        String war = System.getProperty("turnpike.it.lambdaWar");
        TestTls tls = TestTls.create(dir);
        served = JettyWar.start(new ServedWar.Deployment(Path.of(war), "/lambda", tls,
                Files.createDirectories(dir.resolve("jetty")), 16));
        assertThat(served.available()).as(served.startupFailure()).isTrue();
        client = HttpClient.newBuilder().sslContext(tls.clientContext()).version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stop() throws Exception {
        served.close();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(served.https() + path));
    }

    @Test
    void eventsTypesHandlerGreets() throws Exception {
        HttpResponse<String> r = send(request("/dev/greetings/Ada?greeting=Hi"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("Hi, Ada!");
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(r.headers().firstValue("X-Function")).hasValue("greeter");
    }

    @Test
    void streamHandlerNamedByStageVariableSeesTheEvent() throws Exception {
        HttpResponse<String> r = send(request("/dev/echo/a/b?x=1").header("X-Test", "t"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"resource\":\"/echo/{proxy+}\"", "\"path\":\"/echo/a/b\"",
                "\"pathParameters\":{\"proxy\":\"a/b\"}", "\"queryStringParameters\":{\"x\":\"1\"}",
                "\"X-Test\":\"t\"", "\"stage\":\"dev\"", "\"path\":\"/dev/echo/a/b\"");
    }

    @Test
    void mapHandlerCreatesAndItsErrorIs502() throws Exception {
        HttpResponse<String> created = send(request("/dev/orders")
                .POST(HttpRequest.BodyPublishers.ofString("{\"item\": \"bone\"}")));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location").orElseThrow()).startsWith("/orders/");
        assertThat(created.body()).endsWith("\"order\": {\"item\": \"bone\"}}");

        HttpResponse<String> failed = send(request("/dev/orders").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(failed.statusCode()).isEqualTo(502);
        assertThat(failed.body().replace(" ", "")).isEqualTo("{\"message\":\"Internalservererror\"}");
    }

    @Test
    void customIntegrationSelectsTheErrorByItsMessage() throws Exception {
        HttpResponse<String> found = send(request("/dev/pets/2"));
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("\"type\":\"cat\"");
        HttpResponse<String> missing = send(request("/dev/pets/9"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"message\": \"No such pet: 9\"}");
    }
}
