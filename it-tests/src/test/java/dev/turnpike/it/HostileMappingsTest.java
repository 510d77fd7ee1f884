package dev.turnpike.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.model.GatewayResponseSpec;
import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.model.IntegrationResponse;
import dev.turnpike.runtime.model.IntegrationType;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.pipeline.Gateway;
import dev.turnpike.runtime.response.GatewayResponseType;
import dev.turnpike.runtime.routing.RouteNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CR/LF smuggled into a response header by what a client or a backend controls: a query value mapped by
 * {@code responseParameters}, a template's {@code $context.responseOverride.header}, a backend's JSON body mapped to a
 * header, a Lambda proxy result's headers, a gateway response's {@code responseParameters}. The client must never
 * see a header the API did not declare: checked on the raw bytes of the response.
 */
class HostileMappingsTest {

    /** {@code a<CR><LF>X-Injected: yes}, percent-encoded as a query value. */
    static final String INJECTION = "a%0D%0AX-Injected:%20yes";

    @TempDir
    static Path dir;

    static RawBackend backend;
    static FilterInJetty jetty;
    static TestTls tls;

    @BeforeAll
    static void start() throws Exception {
        backend = new RawBackend().on("json", (head, in, socket) -> {
            RawBackend.readBody(head, in);
            byte[] body = "{\"v\":\"a\\r\\nX-Injected: yes\",\"n\":\"X-Injected: yes\\r\\nX-B\"}"
                    .getBytes(StandardCharsets.UTF_8);
            socket.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            return true;
        });
        tls = TestTls.create(dir);
        TurnpikeConfig config = TurnpikeConfig.from(Map.of("turnpike.stages", "dev",
                "turnpike.lambda.headers", HostileHeaders.class.getName()));
        jetty = FilterInJetty.serve(tls, Gateway.create(api(backend.port()), config));
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.close();
        backend.close();
    }

    /** A Lambda proxy function answering the headers its {@code case} query parameter names. */
    public static final class HostileHeaders
            implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
        @Override
        public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
            String which = event.getQueryStringParameters() == null ? ""
                    : event.getQueryStringParameters().getOrDefault("case", "");
            Map<String, String> headers = switch (which) {
                case "value" -> Map.of("X-Value", "a\r\nX-Injected: yes");
                case "name" -> Map.of("X-Injected: yes\r\nX-Name", "a");
                case "nul" -> Map.of("X-Nul", "a\0X-Injected: yes");
                case "length" -> Map.of("Content-Length", "abc");
                case "multi" -> Map.of();
                default -> Map.of("X-Plain", "ok");
            };
            APIGatewayProxyResponseEvent result = new APIGatewayProxyResponseEvent().withStatusCode(200)
                    .withHeaders(headers).withBody("ok");
            if (which.equals("multi")) {
                result.setMultiValueHeaders(Map.of("X-Multi", List.of("a", "b\r\nX-Injected: yes")));
            }
            return result;
        }
    }

    static SmallApi api(int port) {
        String crlf = "#set($crlf = $util.urlDecode('%0D%0A'))";
        Operation mapped = Operation.on("GET", "/mapped").requestParameter("method.request.querystring.q", false)
                .integration(Integration.of(IntegrationType.MOCK)
                        .requestTemplate("application/json", "{\"statusCode\": 200}")
                        .response(IntegrationResponse.selecting("default", "200")
                                .responseParameter("method.response.header.X-Echo", "method.request.querystring.q")
                                .responseTemplate("application/json", "mapped").build())
                        .build()).build();
        Operation override = Operation.on("GET", "/override").requestParameter("method.request.querystring.q", false)
                .integration(Integration.of(IntegrationType.MOCK)
                        .requestTemplate("application/json", "{\"statusCode\": 200}")
                        .response(IntegrationResponse.selecting("default", "200").responseTemplate("application/json",
                                crlf + "#set($context.responseOverride.header.X-Over = $input.params('q'))"
                                        + "#set($context.responseOverride.header[\"X-Injected: yes${crlf}X-Name\"]"
                                        + " = 'a')overridden").build())
                        .build()).build();
        Operation fromBody = Operation.on("GET", "/from-body").integration(Integration.of(IntegrationType.HTTP)
                .httpMethod("GET").uri("http://127.0.0.1:" + port + "/json")
                .response(IntegrationResponse.selecting("default", "200")
                        .responseParameter("method.response.header.X-Value", "integration.response.body.v")
                        .responseParameter("method.response.header.X-Body", "integration.response.body").build())
                .build()).build();
        Operation lambda = Operation.on("GET", "/lambda").integration(Integration.of(IntegrationType.AWS_PROXY)
                .httpMethod("POST").uri("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                        + "arn:aws:lambda:us-east-1:123456789012:function:headers/invocations").build()).build();
        RouteNode routes = RouteNode.resource("/")
                .literal("mapped", RouteNode.resource("/mapped").method(mapped).build())
                .literal("override", RouteNode.resource("/override").method(override).build())
                .literal("from-body", RouteNode.resource("/from-body").method(fromBody).build())
                .literal("lambda", RouteNode.resource("/lambda").method(lambda).build())
                .build();
        GatewayResponseSpec echo = new GatewayResponseSpec(null,
                Map.of("gatewayresponse.header.X-Echo", "method.request.querystring.q"), Map.of(), "");
        return new SmallApi("hostile-mappings", routes, List.of(mapped, override, fromBody, lambda),
                Map.of(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN, echo));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dev/mapped?q=" + INJECTION, "/dev/override?q=" + INJECTION, "/dev/from-body",
        "/dev/lambda?case=value", "/dev/lambda?case=name", "/dev/lambda?case=nul", "/dev/lambda?case=multi",
        "/dev/lambda?case=length", "/dev/nowhere?q=" + INJECTION, "/dev/mapped?q=a%00X-Injected:%20yes",
        "/dev/mapped?q=a%0AX-Injected:%20yes", "/dev/mapped?q=a%0DX-Injected:%20yes"})
    void noMappingAddsAHeaderTheApiDidNotDeclare(String target) throws Exception {
        try (RawHttps raw = RawHttps.open(jetty.root(), tls)) {
            raw.write("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            RawHttps.Response r;
            try {
                r = raw.readResponse();
            } catch (IOException closed) {
                System.out.println(target + " -> connection closed: " + closed.getMessage());
                return; // no header reached the client at all
            }
            System.out.println(target + " -> " + r.status() + " " + r.headers());
            assertThat(r.headers()).doesNotContainKey("x-injected");
            assertThat(r.headers().values()).allSatisfy(value -> assertThat(value).doesNotContain("\0"));
            assertThat(r.status()).isBetween(200, 599);
        }
    }
}
