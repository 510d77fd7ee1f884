package dev.turnpike.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.sun.net.httpserver.HttpServer;
import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.http.Headers;
import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.model.IntegrationResponse;
import dev.turnpike.runtime.model.IntegrationType;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.routing.RouteNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Golden execution logs of test invokes: a MOCK, an HTTP and a Lambda (custom integration) method with templates, run through the whole pipeline.
 * What changes from run to run (request ids, latencies, the backend's port and date) is replaced before comparing.
 * To update a golden file after an intended change, run with {@code -Dturnpike.updateGoldens=true}.
 */
class TestInvokeTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T15:40:00Z"), ZoneOffset.UTC);
    private static HttpServer backend;
    private static Gateway gateway;

    @BeforeAll
    static void start() throws IOException {
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/pets", exchange -> {
            byte[] body = "{\"pets\": [{\"id\": 1, \"type\": \"dog\"}]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("X-Backend", "pets");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        backend.start();
        gateway = Gateway.create(new TestApi("http://127.0.0.1:" + backend.getAddress().getPort()),
                TurnpikeConfig.from(Map.of("turnpike.apiId", "abc1234567", "turnpike.stages", "test",
                        "turnpike.lambda.pets", PetsFunction.class.getName())));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        backend.stop(0);
    }

    @Test
    void mockMethodWithTemplates() throws Exception {
        TestInvoke.Result result = TestInvoke.run(gateway, "GET", "/test/mock/7?verbose=yes", headers(),
                new byte[0], false, CLOCK).get(10, TimeUnit.SECONDS);
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.bodyText()).isEqualTo("{\"id\": \"7\", \"verbose\": \"yes\"}");
        assertGolden("mock.log", result);
    }

    @Test
    void httpMethodWithTemplates() throws Exception {
        TestInvoke.Result result = TestInvoke.run(gateway, "POST", "/test/pets", headers(),
                "{\"type\": \"dog\"}".getBytes(StandardCharsets.UTF_8), false, CLOCK).get(10, TimeUnit.SECONDS);
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.bodyText()).isEqualTo("{\"count\": 1}");
        assertGolden("http.log", result);
    }

    @Test
    void lambdaCustomIntegrationWithTemplates() throws Exception {
        TestInvoke.Result result = TestInvoke.run(gateway, "GET", "/test/lambda/7", headers(), new byte[0], false,
                CLOCK).get(10, TimeUnit.SECONDS);
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.bodyText()).isEqualTo("{\"name\": \"Rex\"}");
        assertGolden("lambda.log", result);
    }

    /** The Lambda function of the golden log, run in process. */
    public static final class PetsFunction implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            return new java.util.TreeMap<>(Map.of("id", event.get("petId"), "name", "Rex")); // a stable order for the golden log
        }
    }

    @Test
    void aDryRunStopsBeforeTheIntegration() throws Exception {
        TestInvoke.Result result = TestInvoke.run(gateway, "POST", "/test/pets", headers(),
                "{\"type\": \"dog\"}".getBytes(StandardCharsets.UTF_8), true, CLOCK).get(10, TimeUnit.SECONDS);
        assertThat(result.log()).anyMatch(line -> line.endsWith(" : Dry run: the HTTP integration is not called"))
                .noneMatch(line -> line.contains("Sending request to"));
    }

    @Test
    void aRefusedRequestLogsItsGatewayResponse() throws Exception {
        TestInvoke.Result result = TestInvoke.run(gateway, "DELETE", "/test/pets", headers(), new byte[0], false,
                CLOCK).get(10, TimeUnit.SECONDS);
        assertThat(result.status()).isEqualTo(403);
        assertThat(result.log()).anyMatch(line -> line.endsWith(
                " : Gateway response type: MISSING_AUTHENTICATION_TOKEN with status code: 403"));
        assertThat(result.log().get(result.log().size() - 1)).endsWith(" : Method completed with status: 403");
    }

    private static Headers headers() {
        return new Headers().add("Accept", "application/json").add("Content-Type", "application/json");
    }

    private static void assertGolden(String name, TestInvoke.Result result) throws IOException {
        String actual = normalized(String.join("\n", result.log()), result) + "\n";
        Path golden = Path.of("src/test/resources/test-invoke", name);
        if (Boolean.getBoolean("turnpike.updateGoldens")) {
            Files.writeString(golden, actual);
        }
        assertThat(actual).isEqualTo(Files.readString(golden));
    }

    private static String normalized(String log, TestInvoke.Result result) {
        return log.replace(result.headers().first("x-amzn-RequestId"), "<request-id>")
                .replace(result.headers().first("x-amz-apigw-id"), "<apigw-id>")
                .replace(":" + backend.getAddress().getPort(), ":<port>")
                .replaceAll("Integration latency: \\d+ ms", "Integration latency: <latency> ms")
                .replaceAll("(?i)(date)=\\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT", "$1=<date>");
    }

    /** The API of these tests, as the generator writes one: a MOCK and an HTTP method, both with templates. */
    private static final class TestApi implements GeneratedApi {
        private final List<Operation> operations;
        private final RouteNode routes;

        TestApi(String backendUrl) {
            Operation mock = Operation.on("GET", "/mock/{id}").requestParameter("method.request.path.id", true)
                    .integration(Integration.of(IntegrationType.MOCK)
                            .requestTemplate("application/json", "{\"statusCode\": 200}")
                            .response(IntegrationResponse.selecting("default", "200")
                                    .responseTemplate("application/json", "{\"id\": \"$input.params('id')\","
                                            + " \"verbose\": \"$input.params('verbose')\"}").build())
                            .build())
                    .build();
            Operation http = Operation.on("POST", "/pets")
                    .integration(Integration.of(IntegrationType.HTTP).httpMethod("POST").uri(backendUrl + "/pets")
                            .requestTemplate("application/json", "{\"pet\": $input.json('$'), \"stage\":"
                                    + " \"$context.stage\"}")
                            .response(IntegrationResponse.selecting("default", "200")
                                    .responseTemplate("application/json", "{\"count\": $input.path('$.pets').size()}")
                                    .build())
                            .build())
                    .build();
            Operation lambda = Operation.on("GET", "/lambda/{id}").requestParameter("method.request.path.id", true)
                    .integration(Integration.of(IntegrationType.AWS).httpMethod("POST")
                            .uri("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:"
                                    + "us-east-1:123456789012:function:pets/invocations")
                            .requestTemplate("application/json", "{\"petId\": \"$input.params('id')\"}")
                            .response(IntegrationResponse.selecting("default", "200")
                                    .responseTemplate("application/json", "{\"name\": \"$input.path('$.name')\"}")
                                    .build())
                            .build())
                    .build();
            operations = List.of(mock, http, lambda);
            routes = RouteNode.resource("/")
                    .literal("mock", RouteNode.resource("/mock")
                            .param("id", RouteNode.resource("/mock/{id}").method(mock).build()).build())
                    .literal("pets", RouteNode.resource("/pets").method(http).build())
                    .literal("lambda", RouteNode.resource("/lambda")
                            .param("id", RouteNode.resource("/lambda/{id}").method(lambda).build()).build())
                    .build();
        }

        @Override
        public String name() {
            return "testinvoke";
        }

        @Override
        public String title() {
            return "testinvoke";
        }

        @Override
        public String deploymentId() {
            return "dep1234567";
        }

        @Override
        public String source() {
            return "TestInvokeTest";
        }

        @Override
        public RouteNode routes() {
            return routes;
        }

        @Override
        public List<Operation> operations() {
            return operations;
        }
    }
}
