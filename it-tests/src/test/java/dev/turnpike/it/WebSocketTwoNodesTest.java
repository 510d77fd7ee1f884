package dev.turnpike.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.websocket.WebSocketApi;
import dev.turnpike.runtime.websocket.WebSocketGateway;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateway nodes (two embedded Jetty servers) sharing a real redis-server: {@code @connections} called on node A
 * reaches, reports and closes a client connected to node B.
 */
class WebSocketTwoNodesTest {

    @TempDir
    static Path dir;

    static ThrottlingRedisServer redis;
    static WebSocketServer nodeA;
    static WebSocketServer nodeB;

    @BeforeAll
    static void start() throws Exception {
        redis = ThrottlingRedisServer.startOrSkip();
        TestTls tls = TestTls.create(dir);
        WebSocketApi chat = GeneratedDefinition.load(dir, "chat.yaml", WebSocketContract.CHAT, "it.ws.nodes",
                WebSocketApi.class);
        Map<String, String> config = Map.of("turnpike.stages", "dev", "turnpike.redis.uri", redis.uri(),
                "turnpike.lambda.Echo", WsEchoHandler.class.getName(),
                "turnpike.lambda.Events", WsEventHandler.class.getName(),
                "turnpike.iam." + WsEchoHandler.ACCESS_KEY + ".secretKey", WsEchoHandler.SECRET_KEY);
        nodeA = WebSocketServer.jetty(tls, Map.of("/chat", WebSocketGateway.create(chat, TurnpikeConfig.from(config))));
        nodeB = WebSocketServer.jetty(tls, Map.of("/chat", WebSocketGateway.create(chat, TurnpikeConfig.from(config))));
        WebSocketContract.client = HttpClient.newBuilder().sslContext(tls.clientContext())
                .version(HttpClient.Version.HTTP_1_1).build();
        WebSocketContract.server = nodeB; // clients connect to node B
    }

    @AfterAll
    static void stop() throws Exception {
        WebSocketContract.server = null;
        if (nodeA != null) {
            nodeA.close();
        }
        if (nodeB != null) {
            nodeB.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void connectionsOnNodeAReachAClientOnNodeB() throws Exception {
        try (WsClient ws = WebSocketContract.connect("/chat/dev", "User-Agent", "node-b-client")) {
            String id = WebSocketContract.idOf(ws);
            URI onA = URI.create(nodeA.https() + "/chat/dev/@connections/" + id.replace("=", "%3D"));

            HttpResponse<String> posted = WebSocketContract.signed("POST", onA,
                    "from node A".getBytes(StandardCharsets.UTF_8));
            assertThat(posted.statusCode()).isEqualTo(200);
            assertThat(ws.next()).isEqualTo("from node A");

            HttpResponse<String> info = WebSocketContract.signed("GET", onA, new byte[0]);
            assertThat(info.statusCode()).isEqualTo(200);
            JsonObject connection = WebSocketContract.json(info.body());
            assertThat(connection.getJsonObject("Identity").getString("SourceIp")).isEqualTo("127.0.0.1");
            assertThat(connection.getJsonObject("Identity").getString("UserAgent")).isEqualTo("node-b-client");

            assertThat(WebSocketContract.signed("DELETE", onA, new byte[0]).statusCode()).isEqualTo(204);
            assertThat(ws.closed(20).code()).isEqualTo(1000);

            HttpResponse<String> gone = null;
            for (int i = 0; i < 50; i++) { // node B forgets the connection when its close completes
                gone = WebSocketContract.signed("POST", onA, "late".getBytes(StandardCharsets.UTF_8));
                if (gone.statusCode() == 410) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(gone.statusCode()).isEqualTo(410);
            assertThat(gone.headers().firstValue("x-amzn-ErrorType")).hasValue("GoneException");
        }
    }

    @Test
    void aConnectionUnknownToEveryNodeIsGone() throws Exception {
        URI onA = URI.create(nodeA.https() + "/chat/dev/@connections/AAAAAAAAAAAAAA%3D%3D");
        assertThat(WebSocketContract.signed("GET", onA, new byte[0]).statusCode()).isEqualTo(410);
    }
}
