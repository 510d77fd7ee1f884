package dev.turnpike.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code turnpike:run} serves each saved change without a restart, and never a broken one. */
class HotReloadTest {

    private static final String WITH_STATUS = PingApi.DEFINITION + """
              /status:
                get:
                  x-amazon-apigateway-integration:
                    type: mock
                    requestTemplates: {application/json: '{"statusCode": 200}'}
                    responses:
                      default: {statusCode: '200', responseTemplates: {application/json: '{"status":"green"}'}}
                  responses: {'200': {description: ok}}
            """;

    /** Two mistakes: a bad integration type and a timeout out of range. */
    private static final String BROKEN = PingApi.DEFINITION.replace("type: mock", "type: mocked") + """
              /slow:
                get:
                  x-amazon-apigateway-integration:
                    type: mock
                    timeoutInMillis: 60000
                    responses: {default: {statusCode: '200'}}
                  responses: {'200': {description: ok}}
            """;

    @TempDir
    Path folder;

    private final HttpClient client = HttpClient.newBuilder().sslContext(TrustingEveryone.context()).build();
    private final List<String> printed = new CopyOnWriteArrayList<>();

    @Test
    void aSavedChangeIsServedAndABrokenOneIsReportedWhileThePreviousVersionServes() throws Exception {
        Path definition = Files.writeString(folder.resolve("ping.yaml"), PingApi.DEFINITION);
        RunRequest request = new RunRequest(definition, folder, "qa", "127.0.0.1", 0, null, null, null, null, null,
                TestClasspath.entries(), false);
        try (LocalServer server = LocalServer.start(request)) {
            server.watchForChanges(50, printed::add);
            String base = server.baseUrl();
            assertThat(status(base + "/status")).isEqualTo(403);

            Files.writeString(definition, WITH_STATUS);
            awaitUntil(() -> printed.stream().anyMatch(line -> line.startsWith("Turnpike: reloaded in ")));
            HttpResponse<String> added = get(base + "/status");
            assertThat(added.statusCode()).isEqualTo(200);
            assertThat(added.body()).isEqualTo("{\"status\":\"green\"}");
            assertThat(printed).contains("  GET     /status  MOCK");

            printed.clear();
            Files.writeString(definition, BROKEN);
            awaitUntil(() -> printed.stream().anyMatch(line -> line.startsWith("Turnpike: the change is not served")));
            assertThat(String.join("\n", printed))
                    .containsPattern("ping\\.yaml:\\d+:\\d+: error: #/paths/~1ping/get/x-amazon-apigateway-integration/type")
                    .containsPattern("ping\\.yaml:\\d+:\\d+: error: #/paths/~1slow/get/x-amazon-apigateway-integration/"
                            + "timeoutInMillis");
            assertThat(get(base + "/status").body()).isEqualTo("{\"status\":\"green\"}");
            assertThat(get(base + "/ping").body()).isEqualTo("{\"pong\":true}");

            printed.clear();
            Files.writeString(definition, PingApi.DEFINITION);
            awaitUntil(() -> printed.stream().anyMatch(line -> line.startsWith("Turnpike: reloaded in ")));
            assertThat(status(base + "/status")).isEqualTo(403);
        }
    }

    @Test
    void theFingerprintSeesAnEditThatKeepsSizeAndTime() throws Exception {
        Path file = Files.writeString(folder.resolve("a.yaml"), "abc");
        long before = ChangeWatcher.fingerprint(List.of(file, folder.resolve("missing")));
        java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(file);
        Files.writeString(file, "abd");
        Files.setLastModifiedTime(file, time);
        assertThat(ChangeWatcher.fingerprint(List.of(file, folder.resolve("missing")))).isNotEqualTo(before);
    }

    /** Waits for what the watcher prints, at most 30 s: the watcher polls every 50 ms here. */
    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 600 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as("within 30 s").isTrue();
    }

    private int status(String url) throws Exception {
        return get(url).statusCode();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
