package dev.turnpike.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jersey-backend example WAR, deployed unchanged: Jersey serves {@code /backend} and the gateway, mapped in
 * {@code web.xml} to its stage alone, serves {@code /dev}, calling Jersey over the container's own HTTPS connector
 * (self-signed here, accepted through {@code tlsConfig.insecureSkipVerification}). Every container runs this suite;
 * a subclass names the container.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class JerseyBackendContract {

    static final String CONTEXT_PATH = "/jersey-backend";
    static final String WAR_PROPERTY = "turnpike.it.jerseyBackendWar";

    private final ServedWar.Container container;
    private ServedWar served;
    private HttpClient client;

    JerseyBackendContract(ServedWar.Container container) {
        this.container = container;
    }

    @BeforeAll
    void deploy(@TempDir Path dir) throws Exception {
        TestTls tls = TestTls.create(dir);
        // The gateway calls the container it runs in, so the HTTPS port is chosen before the container starts.
        int httpsPort = DistributionContainer.freePort();
        Path config = Files.writeString(dir.resolve("jersey-backend-it.properties"),
                "turnpike.stage.dev.variables.backend=127.0.0.1:" + httpsPort + CONTEXT_PATH + "\n");
        String war = System.getProperty(WAR_PROPERTY);
        assertThat(war).as("%s is set by the build", WAR_PROPERTY).isNotBlank();
        ServedWar.Deployment deployment = new ServedWar.Deployment(Path.of(war), CONTEXT_PATH, tls,
                Files.createDirectories(dir.resolve("container")), 16, httpsPort, "/dev/health");
        served = container.startWithConfig(deployment, config);
        assertThat(served.available()).as("%s deployed the WAR: %s", served, served.startupFailure()).isTrue();
        client = HttpClient.newBuilder().sslContext(tls.clientContext()).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    void undeploy() {
        if (served != null) {
            served.close();
        }
    }

    @Test
    void theMockAnswersOnTheStage() throws Exception {
        HttpResponse<String> r = send("GET", "/dev/health", null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"status\": \"ok\", \"stage\": \"dev\"}");
    }

    @Test
    void jerseyKeepsItsOwnPathsBesideTheGateway() throws Exception {
        HttpResponse<String> r = send("GET", "/backend/todos", null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r.body()).getValueType()).isEqualTo(JsonStructure.ValueType.ARRAY);
        assertThat(r.headers().firstValue("x-amzn-RequestId")).as("not through the gateway").isEmpty();
    }

    @Test
    void aTodoCreatedThroughTheGatewayIsReshapedOnTheWayBack() throws Exception {
        HttpResponse<String> created = send("POST", "/dev/todos", "{\"title\": \"say \\\"hi\\\"\", \"done\": true}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject todo = (JsonObject) json(created.body());
        assertThat(todo.getString("title")).isEqualTo("say \"hi\"");
        assertThat(todo.getBoolean("done")).as("the request template opens every new todo").isFalse();
        int id = todo.getInt("id");

        HttpResponse<String> read = send("GET", "/dev/todos/" + id, null);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        JsonObject shaped = (JsonObject) json(read.body());
        assertThat(shaped.getString("title")).isEqualTo("say \"hi\"");
        assertThat(shaped.getString("self")).isEqualTo("/dev/todos/" + id);

        HttpResponse<String> list = send("GET", "/dev/todos", null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(json(list.body()).asJsonArray()).anySatisfy(
                value -> assertThat(value.asJsonObject().getInt("id")).isEqualTo(id));
        assertThat(list.headers().firstValue("x-amzn-RequestId")).isPresent();
    }

    @Test
    void aBodyWithoutTitleIsRefusedByTheModelBeforeTheBackend() throws Exception {
        HttpResponse<String> r = send("POST", "/dev/todos", "{\"done\": false}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(((JsonObject) json(r.body())).getString("message")).isEqualTo("Invalid request body");
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("BadRequestException");
    }

    @Test
    void theBackendsNotFoundIsMappedByTheIntegrationResponse() throws Exception {
        HttpResponse<String> r = send("GET", "/dev/todos/99999", null);

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).isEqualTo("{\"message\": \"no todo 99999\"}");
    }

    @Test
    void aDeletedTodoIsGone() throws Exception {
        HttpResponse<String> created = send("POST", "/dev/todos", "{\"title\": \"short-lived\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        int id = ((JsonObject) json(created.body())).getInt("id");

        assertThat(send("DELETE", "/dev/todos/" + id, null).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/dev/todos/" + id, null).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(served.https() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonStructure json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.read();
        }
    }
}
