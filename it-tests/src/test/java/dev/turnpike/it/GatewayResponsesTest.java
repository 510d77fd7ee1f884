package dev.turnpike.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.model.GatewayResponseSpec;
import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.model.IntegrationResponse;
import dev.turnpike.runtime.model.IntegrationType;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.pipeline.Gateway;
import dev.turnpike.runtime.response.GatewayResponseType;
import dev.turnpike.runtime.routing.RouteNode;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gateway responses by real requests, end to end (the filter in Jetty over TLS): the same failures through an API
 * that customises them ({@code x-amazon-apigateway-gateway-responses}) and through one that does not (AWS's
 * defaults). MISSING_AUTHENTICATION_TOKEN and INTEGRATION_TIMEOUT are customised themselves; UNSUPPORTED_MEDIA_TYPE
 * and INTEGRATION_FAILURE fall back to the customised DEFAULT_4XX and DEFAULT_5XX.
 */
class GatewayResponsesTest {

    @TempDir
    static Path dir;

    static HttpServer slowBackend;
    static int closedPort;
    static FilterInJetty jetty;
    static Gateway customised;
    static Gateway plain;
    static HttpClient client;
    static String customisedBase;
    static String plainBase;

    @BeforeAll
    static void start() throws Exception {
        slowBackend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
        slowBackend.createContext("/", exchange -> {
            try (exchange) {
                Thread.sleep(2_000);
                exchange.sendResponseHeaders(200, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        slowBackend.start();
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        TurnpikeConfig config = TurnpikeConfig.from(Map.of("turnpike.stages", "dev",
                "turnpike.stage.dev.variables.team", "blue"));
        customised = Gateway.create(new Api("custom", customisations()), config);
        plain = Gateway.create(new Api("plain", Map.of()), config);
        TestTls tls = TestTls.create(dir);
        Map<String, Gateway> contexts = new LinkedHashMap<>();
        contexts.put("/custom", customised);
        contexts.put("/plain", plain);
        jetty = FilterInJetty.serve(tls, contexts);
        customisedBase = jetty.root() + "/custom/dev";
        plainBase = jetty.root() + "/plain/dev";
        client = jetty.client();
    }

    private static Map<GatewayResponseType, GatewayResponseSpec> customisations() {
        return Map.of(
                GatewayResponseType.MISSING_AUTHENTICATION_TOKEN, new GatewayResponseSpec("404",
                        GatewayResponseSpec.pairs(
                                "gatewayresponse.header.Access-Control-Allow-Origin", "'*'",
                                "gatewayresponse.header.X-Echo", "method.request.header.x-trace",
                                "gatewayresponse.header.X-Query", "method.request.querystring.q"),
                        GatewayResponseSpec.pairs("application/json",
                                "{\"error\": \"$context.error.message\", \"type\": \"$context.error.responseType\"}"),
                        "/x-amazon-apigateway-gateway-responses/MISSING_AUTHENTICATION_TOKEN"),
                GatewayResponseType.INTEGRATION_TIMEOUT, new GatewayResponseSpec("503",
                        GatewayResponseSpec.pairs("gatewayresponse.header.Retry-After", "'5'"),
                        GatewayResponseSpec.pairs("text/plain", "try again: $context.error.message"),
                        "/x-amazon-apigateway-gateway-responses/INTEGRATION_TIMEOUT"),
                GatewayResponseType.DEFAULT_4XX, new GatewayResponseSpec(null,
                        GatewayResponseSpec.pairs("gatewayresponse.header.X-Team", "stageVariables.team",
                                "gatewayresponse.header.X-Stage", "context.stage"),
                        GatewayResponseSpec.pairs("application/json",
                                "{\"four\": $context.error.messageString, \"type\": \"$context.error.responseType\"}"),
                        "/x-amazon-apigateway-gateway-responses/DEFAULT_4XX"),
                GatewayResponseType.DEFAULT_5XX, new GatewayResponseSpec("502",
                        GatewayResponseSpec.pairs(),
                        GatewayResponseSpec.pairs("application/json",
                                "{\"five\": $context.error.messageString, \"type\": \"$context.error.responseType\"}"),
                        "/x-amazon-apigateway-gateway-responses/DEFAULT_5XX"));
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.close();
        slowBackend.stop(0);
    }

    @Test
    void missingAuthenticationTokenCustomised() throws Exception {
        HttpResponse<String> r = send(customisedBase + "/nowhere?q=7", "GET", null, Map.of("X-Trace", "t-1"));
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).isEqualTo(
                "{\"error\": \"Missing Authentication Token\", \"type\": \"MISSING_AUTHENTICATION_TOKEN\"}");
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(r.headers().firstValue("X-Echo")).hasValue("t-1");
        assertThat(r.headers().firstValue("X-Query")).hasValue("7");
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
        assertThat(r.headers().firstValue("x-amzn-RequestId")).isPresent();
    }

    @Test
    void missingAuthenticationTokenByDefault() throws Exception {
        HttpResponse<String> r = send(plainBase + "/nowhere", "GET", null, Map.of());
        assertDefault(r, 403, "{\"message\":\"Missing Authentication Token\"}", "MissingAuthenticationTokenException");
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void integrationTimeoutCustomised() throws Exception {
        HttpResponse<String> r = send(customisedBase + "/slow", "GET", null, Map.of());
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).isEqualTo("try again: Endpoint request timed out");
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(r.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("InternalServerErrorException");
    }

    @Test
    void integrationTimeoutByDefault() throws Exception {
        assertDefault(send(plainBase + "/slow", "GET", null, Map.of()), 504,
                "{\"message\":\"Endpoint request timed out\"}", "InternalServerErrorException");
    }

    @Test
    void integrationFailureFallsBackToTheCustomisedDefault5xx() throws Exception {
        HttpResponse<String> r = send(customisedBase + "/closed", "GET", null, Map.of());
        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(r.body()).isEqualTo("{\"five\": \"Internal server error\", \"type\": \"INTEGRATION_FAILURE\"}");
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("InternalServerErrorException");
    }

    @Test
    void integrationFailureByDefault() throws Exception {
        assertDefault(send(plainBase + "/closed", "GET", null, Map.of()), 504,
                "{\"message\":\"Internal server error\"}", "InternalServerErrorException");
    }

    @Test
    void a4xxFallsBackToTheCustomisedDefault4xxKeepingItsStatus() throws Exception {
        HttpResponse<String> r = send(customisedBase + "/json-only", "POST", "hello", Map.of("Content-Type", "text/plain"));
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(r.body()).isEqualTo("{\"four\": \"Unsupported Media Type\", \"type\": \"UNSUPPORTED_MEDIA_TYPE\"}");
        assertThat(r.headers().firstValue("X-Team")).hasValue("blue");
        assertThat(r.headers().firstValue("X-Stage")).hasValue("dev");
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("UnsupportedMediaTypeException");
    }

    @Test
    void a4xxByDefault() throws Exception {
        assertDefault(send(plainBase + "/json-only", "POST", "hello", Map.of("Content-Type", "text/plain")), 415,
                "{\"message\":\"Unsupported Media Type\"}", "UnsupportedMediaTypeException");
    }

    @Test
    void successesAreUntouched() throws Exception {
        HttpResponse<String> r = send(customisedBase + "/json-only", "POST", "{}",
                Map.of("Content-Type", "application/json"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("ok");
    }

    private static void assertDefault(HttpResponse<String> r, int status, String body, String errorType) {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.body()).isEqualTo(body);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue(errorType);
    }

    private static HttpResponse<String> send(String url, String method, String body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Three methods, each failing one way. */
    static final class Api implements GeneratedApi {

        private final String name;
        private final Map<GatewayResponseType, GatewayResponseSpec> gatewayResponses;
        private final Operation slow;
        private final Operation closed;
        private final Operation jsonOnly;
        private final RouteNode routes;

        Api(String name, Map<GatewayResponseType, GatewayResponseSpec> gatewayResponses) {
            this.name = name;
            this.gatewayResponses = gatewayResponses;
            slow = Operation.on("GET", "/slow").integration(Integration.of(IntegrationType.HTTP_PROXY)
                    .httpMethod("GET").uri("http://127.0.0.1:" + slowBackend.getAddress().getPort() + "/")
                    .timeoutInMillis(200).build()).build();
            closed = Operation.on("GET", "/closed").integration(Integration.of(IntegrationType.HTTP_PROXY)
                    .httpMethod("GET").uri("http://127.0.0.1:" + closedPort + "/").build()).build();
            jsonOnly = Operation.on("POST", "/json-only").integration(Integration.of(IntegrationType.MOCK)
                    .passthroughBehavior("NEVER")
                    .requestTemplate("application/json", "{\"statusCode\": 200}")
                    .response(IntegrationResponse.selecting(null, "200")
                            .responseTemplate("application/json", "ok").build())
                    .build()).build();
            routes = RouteNode.resource("/")
                    .literal("slow", RouteNode.resource("/slow").method(slow).build())
                    .literal("closed", RouteNode.resource("/closed").method(closed).build())
                    .literal("json-only", RouteNode.resource("/json-only").method(jsonOnly).build())
                    .build();
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String title() {
            return name;
        }

        @Override
        public String deploymentId() {
            return name + "0001";
        }

        @Override
        public String source() {
            return "GatewayResponsesTest";
        }

        @Override
        public RouteNode routes() {
            return routes;
        }

        @Override
        public List<Operation> operations() {
            return List.of(slow, closed, jsonOnly);
        }

        @Override
        public Map<GatewayResponseType, GatewayResponseSpec> gatewayResponses() {
            return gatewayResponses;
        }
    }
}
