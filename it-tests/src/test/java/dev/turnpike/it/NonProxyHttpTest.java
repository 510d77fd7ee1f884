package dev.turnpike.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.model.ConnectionType;
import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.model.IntegrationResponse;
import dev.turnpike.runtime.model.IntegrationType;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.pipeline.Gateway;
import dev.turnpike.runtime.routing.RouteNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP (non-proxy) integrations and VPC links, end to end: the filter in Jetty over TLS, a real client, real
 * backends on loopback (two behind a VPC link, with a closed port among the link's targets).
 */
class NonProxyHttpTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff};

    @TempDir
    static Path dir;

    static FilterInJetty jetty;
    static Gateway gateway;
    static HttpClient client;
    static String base;
    static final List<HttpServer> backends = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        HttpServer a = backend("a");
        HttpServer b = backend("b");
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        TurnpikeConfig config = TurnpikeConfig.from(Map.of(
                "turnpike.stages", "dev",
                "turnpike.stage.dev.variables.link", "link1",
                "turnpike.stage.dev.variables.backend", "127.0.0.1:" + a.getAddress().getPort(),
                "turnpike.vpcLinks.link1.targets", "127.0.0.1:" + closed + ",127.0.0.1:" + a.getAddress().getPort()
                        + ",127.0.0.1:" + b.getAddress().getPort()));
        gateway = Gateway.create(new Api(), config);
        TestTls tls = TestTls.create(dir);
        jetty = FilterInJetty.serve(tls, gateway);
        base = jetty.root() + "/dev";
        client = jetty.client();
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.close();
        backends.forEach(server -> server.stop(0));
    }

    /** Answers with its name, the Host it was sent and what it got; {@code /status/N} answers N; {@code /png} bytes. */
    static HttpServer backend(String name) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] received = exchange.getRequestBody().readAllBytes();
                String path = exchange.getRequestURI().getRawPath();
                exchange.getResponseHeaders().add("X-Backend", name);
                if (path.startsWith("/status/")) {
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    send(exchange, Integer.parseInt(path.substring("/status/".length())),
                            "{\"backend\": \"" + name + "\", \"error\": {\"code\": \"E42\"}}");
                } else if (path.equals("/big")) {
                    exchange.sendResponseHeaders(200, 0); // chunked: the length is found out while reading
                    try (OutputStream out = exchange.getResponseBody()) {
                        byte[] megabyte = new byte[1024 * 1024];
                        for (int i = 0; i < 11; i++) {
                            out.write(megabyte);
                        }
                    } catch (IOException e) {
                        // The gateway stops reading at 10 MB.
                    }
                } else if (path.equals("/png")) {
                    exchange.getResponseHeaders().add("Content-Type", "image/png");
                    exchange.sendResponseHeaders(200, PNG.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(PNG);
                    }
                } else {
                    exchange.getResponseHeaders().add("Content-Type", "text/plain");
                    send(exchange, 200, "backend=" + name + " host=" + exchange.getRequestHeaders().getFirst("Host")
                            + " uri=" + exchange.getRequestURI() + " accept="
                            + exchange.getRequestHeaders().getFirst("Accept") + " type="
                            + exchange.getRequestHeaders().getFirst("Content-Type") + " body="
                            + new String(received, StandardCharsets.UTF_8));
                }
            }
        });
        server.start();
        backends.add(server);
        return server;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void vpcLinkTargetsTakeTurnsSkipAClosedOneAndSeeTheUrisHost() throws Exception {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> r = get("/vpc/" + i);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains(" host=nlb.internal:8000 uri=/items/" + i + " ");
            seen.add(r.headers().firstValue("X-Backend").orElseThrow());
        }
        // The closed target's turns go to the next one, a.
        assertThat(seen).contains("a", "b").containsOnly("a", "b");
    }

    @Test
    void anHttpIntegrationGoesThroughAVpcLinkToo() throws Exception {
        HttpResponse<String> r = get("/vpc-http");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("backend=").contains(" host=nlb.internal uri=/plain ");
    }

    @Test
    void anUnknownVpcLinkIsAws500() throws Exception {
        HttpResponse<String> r = get("/no-link");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).isEqualTo("{\"message\":\"Internal server error\"}");
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("InternalServerErrorException");
    }

    @Test
    void theRequestTemplateRendersAndTheBackendGetsOnlyMappedHeaders() throws Exception {
        HttpResponse<String> r = post("/mapped?q=1", "application/json", "{\"name\": \"rex\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("backend=a host=" + "127.0.0.1:" + backends.get(0).getAddress().getPort()
                + " uri=/plain?mode=fast accept=application/json type=application/json"
                + " body={\"pet\": \"rex\", \"q\": \"1\"}");
    }

    @Test
    void passthroughNeverRefusesAnUnmappedContentType() throws Exception {
        HttpResponse<String> r = post("/mapped", "text/plain", "rex");
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(r.body()).isEqualTo("{\"message\":\"Unsupported Media Type\"}");
    }

    @Test
    void theBackendStatusSelectsTheIntegrationResponse() throws Exception {
        HttpResponse<String> error = get("/status/404");
        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.headers().firstValue("X-From")).hasValue("a");
        assertThat(error.headers().firstValue("X-Code")).hasValue("E42");
        assertThat(error.headers().firstValue("X-Static")).hasValue("yes");
        assertThat(error.body()).isEqualTo("{\"failed\": 404}");
        HttpResponse<String> created = get("/status/201");
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).isEqualTo("{\"backend\": \"a\", \"error\": {\"code\": \"E42\"}}");
        assertThat(created.headers().firstValue("Content-Type")).hasValue("application/json");
    }

    @Test
    void aBinaryBackendResponseConvertedToTextIsBase64() throws Exception {
        HttpResponse<String> r = get("/png");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(java.util.Base64.getEncoder().encodeToString(PNG));
    }

    @Test
    void aBinaryRequestConvertedToTextReachesTheTemplateAsBase64() throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/upload"))
                .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(PNG)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).endsWith(" type=image/png body={\"image\": \""
                + java.util.Base64.getEncoder().encodeToString(PNG) + "\"}");
    }

    @Test
    void aBackendBodyOverTenMegabytesIsAws500() throws Exception {
        HttpResponse<String> r = get("/big");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).isEqualTo("{\"message\":\"Internal server error\"}");
    }

    /** The API, as the generator writes one. */
    static final class Api implements GeneratedApi {

        static final Operation VPC = Operation.on("GET", "/vpc/{id}")
                .requestParameter("method.request.path.id", true)
                .integration(Integration.of(IntegrationType.HTTP_PROXY).httpMethod("GET")
                        .uri("http://nlb.internal:8000/items/{id}")
                        .connection(ConnectionType.VPC_LINK, "${stageVariables.link}")
                        .requestParameter("integration.request.path.id", "method.request.path.id")
                        .build())
                .build();

        static final Operation VPC_HTTP = Operation.on("GET", "/vpc-http")
                .integration(Integration.of(IntegrationType.HTTP).httpMethod("GET").uri("http://nlb.internal/plain")
                        .connection(ConnectionType.VPC_LINK, "link1")
                        .response(IntegrationResponse.selecting("default", "200").build())
                        .build())
                .build();

        static final Operation NO_LINK = Operation.on("GET", "/no-link")
                .integration(Integration.of(IntegrationType.HTTP_PROXY).httpMethod("GET").uri("http://nlb.internal/x")
                        .connection(ConnectionType.VPC_LINK, "nope")
                        .build())
                .build();

        static final Operation MAPPED = Operation.on("POST", "/mapped")
                .requestParameter("method.request.querystring.q", false)
                .integration(Integration.of(IntegrationType.HTTP).httpMethod("POST")
                        .uri("http://${stageVariables.backend}/plain")
                        .passthroughBehavior("NEVER")
                        .requestParameter("integration.request.querystring.mode", "'fast'")
                        .requestTemplate("application/json",
                                "{\"pet\": \"$input.path('$.name')\", \"q\": \"$input.params('q')\"}")
                        .response(IntegrationResponse.selecting("default", "200").build())
                        .build())
                .build();

        static final Operation STATUS = Operation.on("GET", "/status/{code}")
                .requestParameter("method.request.path.code", true)
                .integration(Integration.of(IntegrationType.HTTP).httpMethod("GET")
                        .uri("http://${stageVariables.backend}/status/{code}")
                        .requestParameter("integration.request.path.code", "method.request.path.code")
                        .response(IntegrationResponse.selecting("4\\d{2}", "400")
                                .responseParameter("method.response.header.X-From", "integration.response.header.X-Backend")
                                .responseParameter("method.response.header.X-Code", "integration.response.body.error.code")
                                .responseParameter("method.response.header.X-Static", "'yes'")
                                .responseTemplate("application/json", "{\"failed\": $input.params('code')}")
                                .build())
                        .response(IntegrationResponse.selecting("default", "200").build())
                        .build())
                .build();

        static final Operation IMAGE = Operation.on("GET", "/png")
                .integration(Integration.of(IntegrationType.HTTP).httpMethod("GET")
                        .uri("http://${stageVariables.backend}/png")
                        .response(IntegrationResponse.selecting("default", "200")
                                .responseParameter("method.response.header.Content-Type", "'text/plain'")
                                .contentHandling("CONVERT_TO_TEXT").build())
                        .build())
                .build();

        static final Operation BIG = Operation.on("GET", "/big")
                .integration(Integration.of(IntegrationType.HTTP).httpMethod("GET")
                        .uri("http://${stageVariables.backend}/big")
                        .response(IntegrationResponse.selecting("default", "200").build())
                        .build())
                .build();

        static final Operation UPLOAD = Operation.on("POST", "/upload")
                .integration(Integration.of(IntegrationType.HTTP).httpMethod("POST")
                        .uri("http://${stageVariables.backend}/plain")
                        .contentHandling("CONVERT_TO_TEXT")
                        .requestTemplate("image/png", "{\"image\": \"$input.body\"}")
                        .response(IntegrationResponse.selecting("default", "200").build())
                        .build())
                .build();

        private static final RouteNode ROUTES = RouteNode.resource("/")
                .literal("upload", RouteNode.resource("/upload").method(UPLOAD).build())
                .literal("big", RouteNode.resource("/big").method(BIG).build())
                .literal("vpc", RouteNode.resource("/vpc")
                        .param("id", RouteNode.resource("/vpc/{id}").method(VPC).build()).build())
                .literal("vpc-http", RouteNode.resource("/vpc-http").method(VPC_HTTP).build())
                .literal("no-link", RouteNode.resource("/no-link").method(NO_LINK).build())
                .literal("mapped", RouteNode.resource("/mapped").method(MAPPED).build())
                .literal("status", RouteNode.resource("/status")
                        .param("code", RouteNode.resource("/status/{code}").method(STATUS).build()).build())
                .literal("png", RouteNode.resource("/png").method(IMAGE).build())
                .build();

        @Override
        public String name() {
            return "nonproxy";
        }

        @Override
        public String title() {
            return "Non-proxy HTTP";
        }

        @Override
        public String deploymentId() {
            return "nonproxy01";
        }

        @Override
        public String source() {
            return "NonProxyHttpTest";
        }

        @Override
        public RouteNode routes() {
            return ROUTES;
        }

        @Override
        public List<Operation> operations() {
            return List.of(VPC, VPC_HTTP, NO_LINK, MAPPED, STATUS, IMAGE, BIG, UPLOAD);
        }

        @Override
        public List<String> binaryMediaTypes() {
            return List.of("image/png");
        }
    }
}
