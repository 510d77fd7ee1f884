package dev.turnpike.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code turnpike:run} serving a WebSocket definition, in process, with a real WebSocket client over TLS. */
class LocalWebSocketServerTest {

    private static final String ECHO = """
            openapi: 3.0.1
            info: {title: echo-ws, version: '1'}
            paths: {}
            x-amazon-apigateway-websocket-api:
              routes:
                $default:
                  routeResponseSelectionExpression: $default
                  integration:
                    integrationType: MOCK
                    integrationResponses:
                      $default:
                        responseTemplates:
                          $default: '{"stage":"$context.stage","answer":"$stageVariables.answer","got":"$util.escapeJavaScript($input.body)"}'
            """;

    @TempDir
    Path folder;

    @Test
    void servesAWebSocketDefinitionOverWss() throws Exception {
        Path definition = Files.writeString(folder.resolve("echo.yaml"), ECHO);
        RunRequest request = new RunRequest(definition, folder, "qa", "127.0.0.1", 0, "answer=42", null, null, null,
                null, TestClasspath.entries(), false);
        try (LocalWebSocketServer server = LocalWebSocketServer.start(request, definition)) {
            String base = server.baseUrl();
            assertThat(base).matches("wss://127\\.0\\.0\\.1:\\d+/qa");
            assertThat(server.describe()).containsExactly(
                    "Turnpike: serving WebSocket API echo-ws (echo.yaml) at " + base,
                    "  @connections at " + base.replace("wss:", "https:") + "/@connections/{connectionId}",
                    "  stage qa variables: {answer=42}",
                    "  $default  MOCK [two-way]");

            CompletableFuture<String> answer = new CompletableFuture<>();
            HttpClient client = HttpClient.newBuilder().sslContext(TrustingEveryone.context()).build();
            WebSocket socket = client.newWebSocketBuilder().buildAsync(URI.create(base), new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    answer.complete(data.toString());
                    return null;
                }
            }).get(20, TimeUnit.SECONDS);
            socket.sendText("hello", true).get(20, TimeUnit.SECONDS);
            assertThat(answer.get(20, TimeUnit.SECONDS)).isEqualTo("{\"stage\":\"qa\",\"answer\":\"42\",\"got\":\"hello\"}");
            socket.sendClose(1000, "").get(20, TimeUnit.SECONDS);
        }
    }
}
