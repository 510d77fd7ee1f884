package dev.turnpike.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.websocket.WebSocketApi;
import dev.turnpike.runtime.websocket.WebSocketGateway;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A slow {@code $connect} holds no container thread: on containers with two request threads, more handshakes than
 * that wait for their {@code $connect} backend at once, while other requests (a plain HTTPS request, a handshake of
 * another API) are served; once the backend answers, every held handshake is upgraded.
 */
class WebSocketSlowConnectTest {

    /** {@code $connect} waits at the backend's {@code /hold/} until the test opens its gate. */
    static final String SLOW = """
            openapi: 3.0.1
            info:
              title: Slow
              version: '1'
            paths: {}
            x-amazon-apigateway-websocket-api:
              routes:
                $connect:
                  integration:
                    integrationType: HTTP_PROXY
                    integrationUri: http://${stageVariables.backendHost}/hold/connect
                $default:
                  routeResponseSelectionExpression: $default
                  integration:
                    integrationType: MOCK
                    integrationResponses:
                      $default:
                        responseTemplates:
                          $default: 'slow in'
            """;

    static final String FAST = """
            openapi: 3.0.1
            info:
              title: Fast
              version: '1'
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
                          $default: 'fast in'
            """;

    /** More than the containers' request threads. */
    private static final int SLOW_HANDSHAKES = 4;

    @TempDir
    Path dir;

    @Test
    void jettyWithTwoRequestThreads() throws Exception {
        try (Backend backend = new Backend()) {
            TestTls tls = TestTls.create(dir);
            try (WebSocketServer server = WebSocketServer.jetty(tls, gateways(backend, "it.ws.slow.jetty"), 6)) {
                slowHandshakesHoldNoThread(server, tls, backend);
            }
        }
    }

    @Test
    void tomcatWithTwoRequestThreads() throws Exception {
        try (Backend backend = new Backend()) {
            TestTls tls = TestTls.create(dir);
            try (WebSocketServer server = WebSocketServer.tomcat(tls, dir, gateways(backend, "it.ws.slow.tomcat"),
                    2)) {
                slowHandshakesHoldNoThread(server, tls, backend);
            }
        }
    }

    private Map<String, WebSocketGateway> gateways(Backend backend, String javaPackage) throws Exception {
        WebSocketApi slow = GeneratedDefinition.load(dir, "slow.yaml", SLOW, javaPackage + ".slow", WebSocketApi.class);
        WebSocketApi fast = GeneratedDefinition.load(dir, "fast.yaml", FAST, javaPackage + ".fast", WebSocketApi.class);
        Map<String, WebSocketGateway> gateways = new LinkedHashMap<>();
        gateways.put("/slow", WebSocketGateway.create(slow, TurnpikeConfig.from(Map.of("turnpike.stages", "dev",
                "turnpike.stage.dev.variables.backendHost", backend.hostAndPort()))));
        gateways.put("/fast", WebSocketGateway.create(fast, TurnpikeConfig.from(Map.of("turnpike.stages", "dev"))));
        return gateways;
    }

    private static void slowHandshakesHoldNoThread(WebSocketServer server, TestTls tls, Backend backend)
            throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(tls.clientContext())
                .version(HttpClient.Version.HTTP_1_1).build();
        backend.closeGate();
        ExecutorService clients = Executors.newFixedThreadPool(SLOW_HANDSHAKES);
        try {
            List<Future<WsClient>> slow = new ArrayList<>();
            for (int i = 0; i < SLOW_HANDSHAKES; i++) {
                slow.add(clients.submit(() -> WsClient.connect(client, URI.create(server.wss() + "/slow/dev"))));
            }
            for (int i = 0; i < 400 && backend.held() < SLOW_HANDSHAKES; i++) {
                Thread.sleep(50);
            }
            // a $connect that held its container thread would leave at most two at the backend
            assertThat(backend.held()).as("$connect calls waiting at the backend together")
                    .isEqualTo(SLOW_HANDSHAKES);

            HttpResponse<String> other = client.send(HttpRequest.newBuilder(URI.create(server.https() + "/slow/other"))
                    .timeout(java.time.Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(other.statusCode()).as("a request the application's servlet answers").isEqualTo(599);
            try (WsClient fast = WsClient.connect(client, URI.create(server.wss() + "/fast/dev"))) {
                fast.send("hi");
                assertThat(fast.next()).isEqualTo("fast in");
            }
            assertThat(slow).noneMatch(Future::isDone);

            backend.openGate();
            for (Future<WsClient> handshake : slow) {
                try (WsClient ws = handshake.get(20, TimeUnit.SECONDS)) {
                    ws.send("hi");
                    assertThat(ws.next()).isEqualTo("slow in");
                }
            }
        } finally {
            backend.openGate();
            clients.shutdownNow();
        }
    }
}
