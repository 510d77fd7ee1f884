package dev.turnpike.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.File;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.security.KeyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code turnpike:run}'s server, in process, with the real generator, compiler, runtime and filter. */
class LocalServerTest {

    /** As ../shared/contract/contract-api.yaml proxies: port and path prefix from stage variables. */
    private static final String ORDERS_API = """
            openapi: 3.0.1
            info: {title: orders-api, version: '1'}
            paths:
              /orders/{id}:
                get:
                  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                  x-amazon-apigateway-integration:
                    type: http_proxy
                    httpMethod: GET
                    uri: 'http://127.0.0.1:${stageVariables.port}/${stageVariables.base}/orders/{id}'
                    requestParameters: {integration.request.path.id: method.request.path.id}
                  responses: {'200': {description: ok}}
            """;

    @TempDir
    Path folder;

    private final HttpClient client = HttpClient.newBuilder().sslContext(TrustingEveryone.context()).build();

    @Test
    void servesAMockDefinitionOverHttpsOnTheChosenStage() throws Exception {
        Path definition = Files.writeString(folder.resolve("ping.yaml"), PingApi.DEFINITION);

        try (LocalServer server = LocalServer.start(request(definition, 0))) {
            String base = server.baseUrl();
            assertThat(base).matches("https://127\\.0\\.0\\.1:\\d+/qa");
            assertThat(server.describe()).containsExactly(
                    "Turnpike: serving ping-api (ping.yaml) at " + base,
                    "  stage qa variables: {answer=42}",
                    "  GET     /ping  MOCK");

            HttpResponse<String> ping = get(base + "/ping");
            assertThat(ping.statusCode()).isEqualTo(200);
            assertThat(ping.body()).isEqualTo("{\"pong\":true}");
            assertThat(ping.headers().firstValue("x-amzn-RequestId")).isPresent();

            HttpResponse<String> missing = get(base + "/missing");
            assertThat(missing.statusCode()).isEqualTo(403);
            assertThat(missing.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
        }
    }

    @Test
    void proxiesWithStageVariablesFromTheConfigFileAndTheProperty() throws Exception {
        HttpServer backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        backend.createContext("/", exchange -> {
            byte[] path = exchange.getRequestURI().getPath().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, path.length);
            exchange.getResponseBody().write(path);
            exchange.close();
        });
        backend.start();
        try {
            Path definition = Files.writeString(folder.resolve("orders.yaml"), ORDERS_API);
            Path config = Files.writeString(folder.resolve("turnpike.properties"),
                    "turnpike.stage.qa.variables.base=api\nturnpike.stage.qa.variables.port=1\n");
            RunRequest request = new RunRequest(definition, folder, "qa", "127.0.0.1", 0,
                    "port=" + backend.getAddress().getPort(), config, null, null, null, TestClasspath.entries(), false);

            try (LocalServer server = LocalServer.start(request)) {
                HttpResponse<String> order = get(server.baseUrl() + "/orders/7");

                assertThat(order.statusCode()).isEqualTo(200);
                assertThat(order.body()).isEqualTo("/api/orders/7");
            }
        } finally {
            backend.stop(0);
        }
    }

    @Test
    void trustsAnHttpsBackendThroughTheTrustStoreGiven() throws Exception {
        SelfSignedCertificate backendCertificate = SelfSignedCertificate.forHost("127.0.0.1");
        Filter backendAnswer = (request, response, chain) -> response.getWriter()
                .write(((HttpServletRequest) request).getRequestURI());
        try (HttpsServer backend = HttpsServer.start("127.0.0.1", 0, backendCertificate,
                HttpsServer.ClientCertificates.NOT_ASKED, backendAnswer)) {
            Path definition = Files.writeString(folder.resolve("orders.yaml"),
                    ORDERS_API.replace("http://127.0.0.1:", "https://127.0.0.1:"));
            Path truststore = folder.resolve("backend.p12");
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("backend", backendCertificate.certificate());
            try (OutputStream out = Files.newOutputStream(truststore)) {
                trusted.store(out, "secret".toCharArray());
            }
            String variables = "port=" + backend.port() + ",base=api";

            try (LocalServer trusting = LocalServer.start(new RunRequest(definition, folder, "qa", "127.0.0.1", 0,
                    variables, null, null, truststore, "secret", TestClasspath.entries(), false))) {
                HttpResponse<String> order = get(trusting.baseUrl() + "/orders/7");
                assertThat(order.statusCode()).isEqualTo(200);
                assertThat(order.body()).isEqualTo("/api/orders/7");
            }
            try (LocalServer notTrusting = LocalServer.start(new RunRequest(definition, folder, "qa", "127.0.0.1", 0,
                    variables, null, null, null, null, TestClasspath.entries(), false))) {
                assertThat(get(notTrusting.baseUrl() + "/orders/7").statusCode()).isGreaterThanOrEqualTo(500);
            }
        }
    }

    @Test
    void saysWhenTheTrustStoreCannotBeRead() throws Exception {
        Path definition = Files.writeString(folder.resolve("ping.yaml"), PingApi.DEFINITION);
        Path notAStore = Files.writeString(folder.resolve("store.p12"), "not a key store");

        assertThatThrownBy(() -> LocalServer.start(new RunRequest(definition, folder, "qa", "127.0.0.1", 0, null,
                null, null, notAStore, "secret", TestClasspath.entries(), false)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Turnpike: -Dturnpike.truststore=" + notAStore
                        + ": not a readable PKCS12 trust store (or -Dturnpike.truststorePassword is wrong): ");
    }

    @Test
    void refusesAClasspathEntryThatIsNotThere() throws Exception {
        Path definition = Files.writeString(folder.resolve("ping.yaml"), PingApi.DEFINITION);
        Path missing = folder.resolve("lib/handlers.jar");

        assertThatThrownBy(() -> LocalServer.start(new RunRequest(definition, folder, "qa", "127.0.0.1", 0, null,
                null, folder + File.pathSeparator + missing, null, null, TestClasspath.entries(), false)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Turnpike: -Dturnpike.classpath: no such jar or folder: " + missing);
    }

    @Test
    void refusesABadDefinitionListingEveryError() throws Exception {
        Path definition = Files.writeString(folder.resolve("ping.yaml"), PingApi.DEFINITION.replace("type: mock",
                "type: carrier_pigeon"));

        assertThatThrownBy(() -> LocalServer.start(request(definition, 0)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Turnpike: 1 error in OpenAPI definitions:\n"
                        + "  " + definition + ":" + lineOf(definition, "type: carrier_pigeon") + ":"
                        + columnOf(definition, "type: carrier_pigeon")
                        + ": error: #/paths/~1ping/get/x-amazon-apigateway-integration/type: "
                        + "unknown integration type 'carrier_pigeon'");
    }

    private static int lineOf(Path file, String text) throws Exception {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in " + file);
    }

    private static int columnOf(Path file, String text) throws Exception {
        return Files.readAllLines(file).get(lineOf(file, text) - 1).indexOf(text) + 1;
    }

    @Test
    void stopsServingWhenClosed() throws Exception {
        Path definition = Files.writeString(folder.resolve("ping.yaml"), PingApi.DEFINITION);
        int port;
        try (LocalServer server = LocalServer.start(request(definition, 0))) {
            port = URI.create(server.baseUrl()).getPort();
        }
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                .isInstanceOf(java.net.ConnectException.class);
    }

    @Test
    void saysWhichPortIsTaken() throws Exception {
        Path definition = Files.writeString(folder.resolve("ping.yaml"), PingApi.DEFINITION);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> LocalServer.start(request(definition, port)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("Turnpike: cannot listen on 127.0.0.1:" + port + " (")
                    .hasMessageEndingWith("); is it in use? Choose another with -Dturnpike.port=<n>");
        }
    }

    /**
     * AWS serves empty path segments: before the stage they vanish, after it they are skipped when matching
     * (shared/conformance/lambda-events/rest-v1.proxy-event.double-slash-*.json). Jetty refuses them by default.
     */
    @Test
    void doubleSlashesAreServedAsAwsServesThem() throws Exception {
        Path definition = Files.writeString(folder.resolve("ping.yaml"), PingApi.DEFINITION);
        try (LocalServer server = LocalServer.start(request(definition, 0))) {
            String root = server.baseUrl().substring(0, server.baseUrl().length() - "/qa".length());
            for (String path : new String[] {"//qa/ping", "/qa//ping", "/qa/ping/"}) {
                HttpResponse<String> r = get(root + path);
                assertThat(r.statusCode()).as(path).isEqualTo(200);
                assertThat(r.body()).as(path).isEqualTo("{\"pong\":true}");
            }
        }
    }

    private RunRequest request(Path definition, int port) {
        return new RunRequest(definition, folder, "qa", "127.0.0.1", port, "answer=42", null, null, null, null,
                TestClasspath.entries(), false);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
