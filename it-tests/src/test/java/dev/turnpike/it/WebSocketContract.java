package dev.turnpike.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.websocket.WebSocketApi;
import dev.turnpike.runtime.websocket.WebSocketGateway;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A WebSocket API served by a real container, driven by the JDK's WebSocket client: route selection, MOCK and
 * Lambda routes, the event shape, {@code @connections} with SigV4, throttling, the message size limit, API keys on
 * {@code $connect}, the idle timeout and the connection lifetime. Each container runs it through a subclass.
 */
abstract class WebSocketContract {

    static final String CHAT = """
            openapi: 3.0.1
            info:
              title: Chat
              version: '1'
            paths: {}
            x-amazon-apigateway-websocket-api:
              routeSelectionExpression: $request.body.action
              routes:
                $connect:
                  integration:
                    integrationType: MOCK
                    requestTemplates:
                      $default: '#if($input.params("deny") == "yes"){"statusCode": 401}#else{"statusCode": 200}#end'
                $disconnect:
                  integration:
                    integrationType: AWS_PROXY
                    integrationUri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:Events/invocations
                $default:
                  routeResponseSelectionExpression: $default
                  integration:
                    integrationType: MOCK
                    requestTemplates:
                      $default: '{"statusCode": 200}'
                    integrationResponses:
                      $default:
                        responseTemplates:
                          $default: '{"route":"$context.routeKey","got":"$util.escapeJavaScript($input.body)"}'
                ping:
                  routeResponseSelectionExpression: $default
                  integration:
                    integrationType: MOCK
                    requestTemplates:
                      $default: '{"statusCode": 200}'
                    integrationResponses:
                      $default:
                        responseTemplates:
                          $default: '{"pong":"$context.connectionId"}'
                limited:
                  routeResponseSelectionExpression: $default
                  integration:
                    integrationType: MOCK
                    integrationResponses:
                      $default:
                        responseTemplates:
                          $default: '{"limited":"ok"}'
                echo:
                  integration:
                    integrationType: AWS_PROXY
                    integrationUri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:Echo/invocations
                whoami:
                  routeResponseSelectionExpression: $default
                  integration:
                    integrationType: AWS_PROXY
                    integrationUri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:Events/invocations
                relay:
                  routeResponseSelectionExpression: $default
                  integration:
                    integrationType: HTTP_PROXY
                    integrationUri: http://${stageVariables.backendHost}/relay
                relayquietly:
                  integration:
                    integrationType: HTTP_PROXY
                    integrationUri: http://${stageVariables.backendHost}/hold/quietly
                history:
                  routeResponseSelectionExpression: $default
                  integration:
                    integrationType: HTTP
                    integrationUri: http://${stageVariables.backendHost}/history
                    integrationMethod: PUT
                    requestTemplates:
                      $default: '{"connection":"$context.connectionId","said":"$util.escapeJavaScript($input.body)"}'
                    integrationResponses:
                      $default:
                        responseTemplates:
                          $default: '{"route":"$context.routeKey","backend":"$util.escapeJavaScript($input.body)"}'
                unreachable:
                  routeResponseSelectionExpression: $default
                  integration:
                    integrationType: HTTP_PROXY
                    integrationUri: http://127.0.0.1:1/nobody
            """;

    /** {@code $connect} asks an HTTP backend, whose status decides (the query's {@code status}, a stage variable). */
    static final String PROXIED = """
            openapi: 3.0.1
            info:
              title: Proxied
              version: '1'
            paths: {}
            x-amazon-apigateway-websocket-api:
              routes:
                $connect:
                  integration:
                    integrationType: HTTP
                    integrationUri: http://${stageVariables.backendHost}/connect?status=${stageVariables.connectStatus}
                    requestTemplates:
                      $default: '{"user":"$input.params("user")"}'
                $default:
                  routeResponseSelectionExpression: $default
                  integration:
                    integrationType: MOCK
                    integrationResponses:
                      $default:
                        responseTemplates:
                          $default: 'in'
            """;

    static final String KEYED = """
            openapi: 3.0.1
            info:
              title: Keyed
              version: '1'
            paths: {}
            x-amazon-apigateway-websocket-api:
              routes:
                $connect:
                  apiKeyRequired: true
                  integration:
                    integrationType: MOCK
                $default:
                  routeResponseSelectionExpression: $default
                  integration:
                    integrationType: MOCK
                    integrationResponses:
                      $default:
                        responseTemplates:
                          $default: 'in'
            """;

    static final String AUTHORIZED = """
            openapi: 3.0.1
            info:
              title: Authorized
              version: '1'
            paths: {}
            x-amazon-apigateway-websocket-api:
              routes:
                $connect:
                  authorizationType: CUSTOM
                  authorizer:
                    name: Tickets
                    authorizerType: REQUEST
                    authorizerUri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:Tickets/invocations
                    identitySource: [route.request.header.Tenant, route.request.querystring.ticket]
                  integration:
                    integrationType: MOCK
                whoami:
                  routeResponseSelectionExpression: $default
                  integration:
                    integrationType: AWS_PROXY
                    integrationUri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:Events/invocations
            """;

    static WebSocketServer server;
    static HttpClient client;
    /** The HTTP and HTTP_PROXY routes' backend, on loopback. */
    static Backend backend;

    /** The gateways by context path: the chat API as is, with an API key, with short timeouts. */
    static Map<String, WebSocketGateway> gateways(Path dir, TestTls tls, String javaPackage) throws Exception {
        WebSocketApi chat = GeneratedDefinition.load(dir, "chat.yaml", CHAT, javaPackage + ".chat",
                WebSocketApi.class);
        WebSocketApi keyed = GeneratedDefinition.load(dir, "keyed.yaml", KEYED, javaPackage + ".keyed",
                WebSocketApi.class);
        backend = new Backend();
        Map<String, String> config = new HashMap<>(Map.of(
                "turnpike.stages", "dev",
                "turnpike.stage.dev.variables.backendHost", backend.hostAndPort(),
                "turnpike.lambda.Echo", WsEchoHandler.class.getName(),
                "turnpike.lambda.Events", WsEventHandler.class.getName(),
                "turnpike.iam." + WsEchoHandler.ACCESS_KEY + ".secretKey", WsEchoHandler.SECRET_KEY,
                "turnpike.stage.dev.routeSettings.limited.throttlingRateLimit", "0.01",
                "turnpike.stage.dev.routeSettings.limited.throttlingBurstLimit", "2"));
        Map<String, WebSocketGateway> gateways = new LinkedHashMap<>();
        gateways.put("/chat", WebSocketGateway.create(chat, TurnpikeConfig.from(config)));
        gateways.put("/keyed", WebSocketGateway.create(keyed, TurnpikeConfig.from(Map.of("turnpike.stages", "dev",
                "turnpike.apiKeys.alice.value", "alice-key-0123456789abcdef",
                "turnpike.apiKeys.bob.value", "bob-key-0123456789abcdef",
                "turnpike.apiKeys.bob.enabled", "false"))));
        WebSocketApi authorized = GeneratedDefinition.load(dir, "authorized.yaml", AUTHORIZED,
                javaPackage + ".authorized", WebSocketApi.class);
        gateways.put("/authorized", WebSocketGateway.create(authorized, TurnpikeConfig.from(Map.of(
                "turnpike.stages", "dev",
                "turnpike.lambda.Tickets", WsTicketAuthorizer.class.getName(),
                "turnpike.lambda.Events", WsEventHandler.class.getName()))));
        WebSocketApi proxied = GeneratedDefinition.load(dir, "proxied.yaml", PROXIED, javaPackage + ".proxied",
                WebSocketApi.class);
        for (String status : new String[] {"200", "403"}) {
            gateways.put("/proxied" + status, WebSocketGateway.create(proxied, TurnpikeConfig.from(Map.of(
                    "turnpike.stages", "dev",
                    "turnpike.stage.dev.variables.backendHost", backend.hostAndPort(),
                    "turnpike.stage.dev.variables.connectStatus", status))));
        }
        Map<String, String> idle = new HashMap<>(config);
        idle.put("turnpike.websocket.idleTimeoutSeconds", "1");
        gateways.put("/idle", WebSocketGateway.create(chat, TurnpikeConfig.from(idle)));
        Map<String, String> brief = new HashMap<>(config);
        brief.put("turnpike.websocket.maxLifetimeSeconds", "2");
        gateways.put("/brief", WebSocketGateway.create(chat, TurnpikeConfig.from(brief)));
        return gateways;
    }

    static void clients(TestTls tls) throws Exception {
        client = HttpClient.newBuilder().sslContext(tls.clientContext()).version(HttpClient.Version.HTTP_1_1).build();
        WsEchoHandler.tls = tls.clientContext();
        WsEchoHandler.api = URI.create(server.https() + "/chat");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    static WsClient connect(String path, String... headers) throws Exception {
        return WsClient.connect(client, URI.create(server.wss() + path), headers);
    }

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    /** The connection's id, as the ping route reports it. */
    static String idOf(WsClient ws) throws Exception {
        ws.send("{\"action\":\"ping\"}");
        return json(ws.next()).getString("pong");
    }

    @Test
    void messagesGoToTheRouteTheirActionNamesElseToDefault() throws Exception {
        try (WsClient ws = connect("/chat/dev")) {
            String id = idOf(ws);
            assertThat(id).hasSize(16).endsWith("=");
            ws.send("not json at all");
            assertThat(ws.next()).isEqualTo("{\"route\":\"$default\",\"got\":\"not json at all\"}");
            ws.send("{\"action\":\"nosuch\"}");
            assertThat(ws.next()).isEqualTo("{\"route\":\"$default\",\"got\":\"{\\\"action\\\":\\\"nosuch\\\"}\"}");
        }
    }

    @Test
    void connectIsRefusedWithTheStatusItsIntegrationGives() {
        assertThatThrownBy(() -> connect("/chat/dev?deny=yes"))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode())
                        .isEqualTo(401));
    }

    @Test
    void plainWsIsRefused() throws Exception {
        URI plain = server.ws();
        org.junit.jupiter.api.Assumptions.assumeTrue(plain != null, "this container has no plain connector");
        assertThatThrownBy(() -> WsClient.connect(client, URI.create(plain + "/chat/dev")))
                .cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode())
                        .isEqualTo(403));
    }

    @Test
    void anUnknownStageIsNotUpgraded() {
        assertThatThrownBy(() -> connect("/chat/prod"))
                .cause().isInstanceOf(WebSocketHandshakeException.class);
    }

    @Test
    void aLambdaFunctionAnswersThroughConnections() throws Exception {
        try (WsClient ws = connect("/chat/dev")) {
            ws.send("{\"action\":\"echo\",\"text\":\"hello\"}");
            assertThat(ws.next()).isEqualTo("echo: {\"action\":\"echo\",\"text\":\"hello\"}");
        }
    }

    @Test
    void aLambdaFunctionGetsTheWebSocketEvent() throws Exception {
        try (WsClient ws = connect("/chat/dev")) {
            String id = idOf(ws);
            String message = "{\"action\":\"whoami\"}";
            ws.send(message);
            JsonObject event = json(ws.next());
            JsonObject context = event.getJsonObject("requestContext");
            assertThat(context.getString("routeKey")).isEqualTo("whoami");
            assertThat(context.getString("eventType")).isEqualTo("MESSAGE");
            assertThat(context.getString("connectionId")).isEqualTo(id);
            assertThat(context.getString("messageId")).isNotBlank();
            assertThat(context.getString("requestId")).isNotBlank();
            assertThat(context.getString("stage")).isEqualTo("dev");
            assertThat(context.getString("domainName")).isEqualTo("127.0.0.1");
            assertThat(context.getString("messageDirection")).isEqualTo("IN");
            assertThat(context.getString("apiId")).hasSize(10);
            assertThat(context.getJsonObject("identity").getString("sourceIp")).isEqualTo("127.0.0.1");
            assertThat(context.getJsonNumber("connectedAt").longValue()).isPositive();
            assertThat(event.getString("body")).isEqualTo(message);
            assertThat(event.getBoolean("isBase64Encoded")).isFalse();
        }
    }

    @Test
    void disconnectRunsTheDisconnectRoute() throws Exception {
        String id;
        try (WsClient ws = connect("/chat/dev")) {
            id = idOf(ws);
            ws.close(1000);
            ws.closed(20);
        }
        String event = null;
        for (int i = 0; i < 20 && (event == null || !event.contains(id)); i++) {
            event = WsEventHandler.DISCONNECTS.poll(1, TimeUnit.SECONDS);
        }
        assertThat(event).isNotNull();
        JsonObject context = json(event).getJsonObject("requestContext");
        assertThat(context.getString("routeKey")).isEqualTo("$disconnect");
        assertThat(context.getString("eventType")).isEqualTo("DISCONNECT");
        assertThat(context.getInt("disconnectStatusCode")).isEqualTo(1000);
    }

    @Test
    void connectionsApiReportsPostsAndDisconnects() throws Exception {
        try (WsClient ws = connect("/chat/dev", "User-Agent", "it-websocket")) {
            String id = idOf(ws);
            URI uri = URI.create(server.https() + "/chat/dev/@connections/" + id.replace("=", "%3D"));

            HttpResponse<String> info = signed("GET", uri, new byte[0]);
            assertThat(info.statusCode()).isEqualTo(200);
            JsonObject connection = json(info.body());
            assertThat(connection.getJsonObject("Identity").getString("SourceIp")).isEqualTo("127.0.0.1");
            assertThat(connection.getString("ConnectedAt")).endsWith("Z");
            assertThat(connection.getString("LastActiveAt")).endsWith("Z");

            assertThat(signed("POST", uri, "pushed".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
            assertThat(ws.next()).isEqualTo("pushed");

            HttpResponse<String> unsigned = client.send(HttpRequest.newBuilder(uri)
                    .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(unsigned.statusCode()).isEqualTo(403);
            assertThat(unsigned.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
            assertThat(unsigned.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");

            assertThat(signed("DELETE", uri, new byte[0]).statusCode()).isEqualTo(204);
            assertThat(ws.closed(20).code()).isEqualTo(1000);

            HttpResponse<String> gone = signed("POST", uri, "late".getBytes(StandardCharsets.UTF_8));
            assertThat(gone.statusCode()).isEqualTo(410);
            assertThat(gone.body()).isEqualTo("{\"message\":null}");
            assertThat(gone.headers().firstValue("x-amzn-ErrorType")).hasValue("GoneException");
            assertThat(signed("GET", uri, new byte[0]).statusCode()).isEqualTo(410);
        }
    }

    @Test
    void aThrottledRouteAnswersWithAwsErrorFrame() throws Exception {
        try (WsClient ws = connect("/chat/dev")) {
            String id = idOf(ws);
            // burst 2 at 0.01 tokens a second (only this test uses the route): two answers, then the error frame
            for (int i = 0; i < 2; i++) {
                ws.send("{\"action\":\"limited\"}");
                assertThat(ws.next()).isEqualTo("{\"limited\":\"ok\"}");
            }
            ws.send("{\"action\":\"limited\"}");
            String refused = ws.next();
            JsonObject frame = json(refused);
            assertThat(frame.getString("message")).isEqualTo("Too Many Requests");
            assertThat(frame.getString("connectionId")).isEqualTo(id);
            assertThat(frame.getString("requestId")).isNotBlank();
            assertThat(frame.keySet()).containsExactly("message", "connectionId", "requestId");
        }
    }

    @Test
    void aMessageOf128KbIsServedAndOneByteMoreClosesTheConnection() throws Exception {
        try (WsClient ws = connect("/chat/dev")) {
            String prefix = "{\"action\":\"ping\",\"pad\":\"";
            String suffix = "\"}";
            String exact = prefix + "x".repeat(128 * 1024 - prefix.length() - suffix.length()) + suffix;
            assertThat(exact.getBytes(StandardCharsets.UTF_8)).hasSize(131_072);
            ws.send(exact);
            assertThat(ws.next()).startsWith("{\"pong\":");
            ws.send(exact.replace("\"pad\":\"", "\"pad\":\"y"));
            WsClient.Close close = ws.closed(20);
            assertThat(close.code()).isEqualTo(1009);
            assertThat(close.reason()).isEqualTo("Message too big");
        }
    }

    @Test
    void connectNeedsAnEnabledApiKeyWhenTheRouteRequiresOne() throws Exception {
        for (String[] headers : new String[][] {{}, {"x-api-key", "bob-key-0123456789abcdef"},
                {"x-api-key", "nobody-0123456789abcdefgh"}}) {
            assertThatThrownBy(() -> connect("/keyed/dev", headers))
                    .cause().isInstanceOf(WebSocketHandshakeException.class)
                    .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode())
                            .isEqualTo(403));
        }
        try (WsClient ws = connect("/keyed/dev", "x-api-key", "alice-key-0123456789abcdef")) {
            ws.send("hi");
            assertThat(ws.next()).isEqualTo("in");
        }
    }

    @Test
    void aRequestAuthorizerDecidesOnConnectAndItsContextReachesTheRoutes() throws Exception {
        int[] expected = {401, 401, 401, 403};
        String[][] refusals = {
            {"/authorized/dev?ticket=open-sesame"}, // no Tenant header: 401 before the function runs
            {"/authorized/dev", "Tenant", "acme"}, // no ticket
            {"/authorized/dev?ticket=forged", "Tenant", "acme"}, // the function says Unauthorized
            {"/authorized/dev?ticket=deny", "Tenant", "acme"}}; // a Deny policy
        for (int i = 0; i < refusals.length; i++) {
            String[] attempt = refusals[i];
            String[] headers = java.util.Arrays.copyOfRange(attempt, 1, attempt.length);
            int status = expected[i];
            assertThatThrownBy(() -> connect(attempt[0], headers))
                    .as(attempt[0])
                    .cause().isInstanceOf(WebSocketHandshakeException.class)
                    .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode())
                            .isEqualTo(status));
        }
        try (WsClient ws = connect("/authorized/dev?ticket=open-sesame", "Tenant", "acme")) {
            ws.send("{\"action\":\"whoami\"}");
            JsonObject authorizer = json(ws.next()).getJsonObject("requestContext")
                    .getJsonObject("authorizer");
            assertThat(authorizer.getString("principalId")).isEqualTo("ticket-holder");
            assertThat(authorizer.getString("tenant")).isEqualTo("acme");
        }
    }

    @Test
    void anHttpProxyRouteSendsTheMessageToItsBackendAndTheBackendsBodyBack() throws Exception {
        try (WsClient ws = connect("/chat/dev")) {
            String message = "{\"action\":\"relay\",\"text\":\"hello\"}";
            ws.send(message);
            String answer = ws.next();
            assertThat(answer).startsWith("method=POST\nuri=/relay\n").endsWith("\nbody=" + message);
        }
    }

    @Test
    void anHttpProxyRouteWithoutARouteResponseCallsItsBackendAndAnswersNothing() throws Exception {
        backend.closeGate();
        try (WsClient ws = connect("/chat/dev")) {
            ws.send("{\"action\":\"relayquietly\"}");
            for (int i = 0; i < 200 && backend.held() == 0; i++) {
                Thread.sleep(50);
            }
            assertThat(backend.held()).as("requests waiting at the backend").isEqualTo(1);
            backend.openGate();
            for (int i = 0; i < 200 && backend.held() > 0; i++) {
                Thread.sleep(50);
            }
            // the backend has answered: a one-way route drops its body, so the next frame is ping's
            assertThat(ws.next(500)).isNull();
            assertThat(idOf(ws)).hasSize(16);
        }
    }

    @Test
    void anHttpRouteSendsItsRenderedTemplateAndMapsTheBackendsAnswer() throws Exception {
        try (WsClient ws = connect("/chat/dev")) {
            String id = idOf(ws);
            String message = "{\"action\":\"history\",\"text\":\"hi\"}";
            ws.send(message);
            JsonObject answer = json(ws.next());
            assertThat(answer.getString("route")).isEqualTo("history");
            String received = answer.getString("backend");
            assertThat(received).startsWith("method=PUT\nuri=/history\n");
            JsonObject sent = json(received.substring(received.indexOf("\nbody=") + "\nbody=".length()));
            assertThat(sent.getString("connection")).isEqualTo(id);
            assertThat(sent.getString("said")).isEqualTo(message);
        }
    }

    @Test
    void anUnreachableHttpBackendAnswersTheInternalServerErrorFrame() throws Exception {
        try (WsClient ws = connect("/chat/dev")) {
            String id = idOf(ws);
            ws.send("{\"action\":\"unreachable\"}");
            JsonObject frame = json(ws.next());
            assertThat(frame.getString("message")).isEqualTo("Internal server error");
            assertThat(frame.getString("connectionId")).isEqualTo(id);
            assertThat(frame.keySet()).containsExactly("message", "connectionId", "requestId");
        }
    }

    @Test
    void anHttpConnectIntegrationAdmitsOrRefusesWithTheBackendsStatus() throws Exception {
        try (WsClient ws = connect("/proxied200/dev?user=alice")) {
            ws.send("hi");
            assertThat(ws.next()).isEqualTo("in");
        }
        assertThatThrownBy(() -> connect("/proxied403/dev?user=mallory"))
                .cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> {
                    HttpResponse<?> refusal = ((WebSocketHandshakeException) e).getResponse();
                    assertThat(refusal.statusCode()).isEqualTo(403);
                });
    }

    /** A figure, printed and not asserted: sequential MOCK round trips on one connection. */
    @Test
    void sequentialRoundTripsArePrinted() throws Exception {
        try (WsClient ws = connect("/chat/dev")) {
            for (int i = 0; i < 200; i++) { // warm-up
                ws.send("{\"action\":\"ping\"}");
                assertThat(ws.next()).startsWith("{\"pong\":");
            }
            int rounds = 1_000;
            long start = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                ws.send("{\"action\":\"ping\"}");
                assertThat(ws.next()).startsWith("{\"pong\":");
            }
            long micros = (System.nanoTime() - start) / 1_000;
            System.out.printf("%s: %d sequential MOCK round trips in %d ms, %.0f us each%n",
                    getClass().getSimpleName(), rounds, micros / 1_000, (double) micros / rounds);
        }
    }

    /**
     * Figures, printed and not asserted: sequential HTTP_PROXY round trips to the loopback backend, and the same
     * backend called directly with the JDK's client (the floor the route cannot beat).
     */
    @Test
    void sequentialHttpProxyRoundTripsArePrinted() throws Exception {
        int rounds = 50;
        HttpClient direct = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest post = HttpRequest.newBuilder(URI.create("http://" + backend.hostAndPort() + "/relay"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"relay\"}")).build();
        for (int i = 0; i < 10; i++) { // warm-up
            direct.send(post, HttpResponse.BodyHandlers.ofString());
        }
        long directStart = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            assertThat(direct.send(post, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
        }
        long directMicros = (System.nanoTime() - directStart) / 1_000;
        System.out.printf("%s: %d sequential direct POSTs to the loopback backend in %d ms, %.0f us each%n",
                getClass().getSimpleName(), rounds, directMicros / 1_000, (double) directMicros / rounds);
        try (WsClient ws = connect("/chat/dev")) {
            String message = "{\"action\":\"relay\"}";
            for (int i = 0; i < 10; i++) { // warm-up
                ws.send(message);
                assertThat(ws.next()).startsWith("method=POST\nuri=/relay\n");
            }
            long start = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                ws.send(message);
                assertThat(ws.next()).startsWith("method=POST\nuri=/relay\n");
            }
            long micros = (System.nanoTime() - start) / 1_000;
            System.out.printf("%s: %d sequential HTTP_PROXY round trips in %d ms, %.0f us each%n",
                    getClass().getSimpleName(), rounds, micros / 1_000, (double) micros / rounds);
        }
    }

    @Test
    void anIdleConnectionIsClosedAtTheIdleTimeout() throws Exception {
        try (WsClient ws = connect("/idle/dev")) {
            long start = System.nanoTime();
            WsClient.Close close = ws.closed(20);
            System.out.printf("idle close after %d ms (idleTimeoutSeconds=1)%n", (System.nanoTime() - start) / 1_000_000);
            assertThat(close.code()).isEqualTo(1001);
            assertThat(close.reason()).isEqualTo("Going away");
        }
    }

    @Test
    void aBusyConnectionIsClosedAtTheEndOfItsLifetime() throws Exception {
        try (WsClient ws = connect("/brief/dev")) {
            long start = System.nanoTime();
            WsClient.Close close = null;
            for (int i = 0; i < 100 && close == null; i++) {
                try {
                    ws.send("{\"action\":\"ping\"}");
                } catch (Exception e) {
                    break; // closed while sending
                }
                try {
                    close = ws.closed(0);
                } catch (java.util.concurrent.TimeoutException e) {
                    Thread.sleep(200);
                }
            }
            close = close != null ? close : ws.closed(20);
            System.out.printf("lifetime close after %d ms (maxLifetimeSeconds=2)%n",
                    (System.nanoTime() - start) / 1_000_000);
            assertThat(close.code()).isEqualTo(1001);
        }
    }

    static HttpResponse<String> signed(String method, URI uri, byte[] body) throws Exception {
        software.amazon.awssdk.http.SdkHttpRequest unsigned = software.amazon.awssdk.http.SdkHttpRequest.builder()
                .uri(uri).method(software.amazon.awssdk.http.SdkHttpMethod.fromValue(method)).build();
        software.amazon.awssdk.http.SdkHttpRequest signedRequest =
                software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.create().sign(r -> r
                        .identity(software.amazon.awssdk.identity.spi.AwsCredentialsIdentity.create(
                                WsEchoHandler.ACCESS_KEY, WsEchoHandler.SECRET_KEY))
                        .request(unsigned)
                        .payload(software.amazon.awssdk.http.ContentStreamProvider.fromByteArray(body))
                        .putProperty(software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.SERVICE_SIGNING_NAME,
                                "execute-api")
                        .putProperty(software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.REGION_NAME,
                                "us-east-1")).request();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        signedRequest.forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
