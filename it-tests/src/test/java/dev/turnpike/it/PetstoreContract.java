package dev.turnpike.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The petstore example WAR, deployed unchanged in a real container and called over HTTPS by a real client, its
 * HTTP_PROXY methods forwarding to a real backend on loopback. Every container runs this same suite: a subclass
 * names the container and nothing else.
 *
 * <p>The WAR's own {@code turnpike.properties} lists the stages {@code dev} and {@code prod}; the file named by
 * {@code -Dturnpike.config} points {@code dev} at the backend and {@code prod} at a closed port.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class PetstoreContract {

    /** Small on purpose: the concurrency test holds many more requests than this at the backend. */
    static final int MAX_THREADS = 10;
    static final String CONTEXT_PATH = "/petstore";
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    static final String PETS = "[{\"id\": 1, \"type\": \"dog\", \"price\": 249.99}, "
            + "{\"id\": 2, \"type\": \"cat\", \"price\": 124.99}]";
    static final String PET = "{\"id\": 1, \"type\": \"dog\", \"price\": 249.99}";
    static final String CREATED_PET = "{\"id\": 3, \"type\": \"fish\", \"price\": 0.99}";
    static final String REQUEST_ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final ServedWar.Container container;

    private Path dir;
    private TestTls tls;
    private Backend backend;
    private Path config;
    private ServedWar served;
    private HttpClient client;

    PetstoreContract(ServedWar.Container container) {
        this.container = container;
    }

    @BeforeAll
    void deploy(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        tls = TestTls.create(dir);
        backend = new Backend();
        config = Files.writeString(dir.resolve("petstore-it.properties"),
                "turnpike.stage.dev.variables.backendHost=" + backend.hostAndPort() + "\n"
                        + "turnpike.stage.prod.variables.backendHost=127.0.0.1:" + closedPort() + "\n");
        served = deployWithConfig(config, "main");
        assertThat(served.available()).as("%s deployed the petstore: %s", served, served.startupFailure()).isTrue();
        client = HttpClient.newBuilder()
                .sslContext(tls.clientContext())
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    @AfterAll
    void undeploy() {
        try {
            if (served != null) {
                served.close();
            }
        } finally {
            if (backend != null) {
                backend.close();
            }
        }
    }

    /** Deploys the petstore WAR with {@code -Dturnpike.config=<configFile>} set while the container starts. */
    private ServedWar deployWithConfig(Path configFile, String name) throws Exception {
        ServedWar.Deployment deployment = new ServedWar.Deployment(PetstoreWar.file(), CONTEXT_PATH, tls,
                Files.createDirectories(dir.resolve(name)), MAX_THREADS);
        return container.startWithConfig(deployment, configFile);
    }

    // ---- MOCK

    @Test
    void mockListsThePetsFromItsStaticTemplate() throws Exception {
        HttpResponse<String> r = send(get("/dev/pets"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(PETS);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    }

    @Test
    void mockAnswersForAnyPetId() throws Exception {
        for (String id : List.of("1", "42", "rex")) {
            HttpResponse<String> r = send(get("/dev/pets/" + id));
            assertThat(r.statusCode()).as(id).isEqualTo(200);
            assertThat(r.body()).as(id).isEqualTo(PET);
        }
    }

    // ---- Mapping templates (VTL)

    @Test
    void mockTemplatesRenderVtlAndTheRequestTemplateChoosesTheStatus() throws Exception {
        HttpResponse<String> card = send(get("/dev/pets/7/card"));
        assertThat(card.statusCode()).isEqualTo(200);
        assertThat(card.body()).isEqualTo("{\"id\": 7, \"stage\": \"dev\"}");
        HttpResponse<String> none = send(get("/dev/pets/rex/card"));
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.body()).isEqualTo("{\"message\": \"no pet rex\"}");
    }

    @Test
    void anHttpIntegrationMapsTheRequestForTheBackendAndItsAnswerForTheClient() throws Exception {
        HttpResponse<String> r = send(request("/dev/notes").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"feed \\\"rex\\\"\"}")));
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.headers().firstValue("X-Backend")).hasValue("loopback");
        jakarta.json.JsonObject answer;
        try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(r.body()))) {
            answer = reader.readObject();
        }
        assertThat(answer.getBoolean("saved")).isTrue();
        // What the backend got: only the mapped header and API Gateway's own, and the rendered body.
        assertThat(answer.getString("backendSaw")).startsWith("method=POST\nuri=/notes\n")
                .contains("\nheader.x-stage=dev\n", "\nheader.accept=application/json\n",
                        "\nheader.user-agent=AmazonAPIGateway_")
                .doesNotContain("header.x-forwarded-for")
                .endsWith("\nbody={\"note\": \"feed \\\"rex\\\"\"}");
        HttpResponse<String> text = send(request("/dev/notes").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("feed rex")));
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(text.body()).isEqualTo("{\"message\":\"Unsupported Media Type\"}");
    }

    @Test
    void corsPreflightAnswersWithStaticHeaders() throws Exception {
        HttpResponse<String> r = send(request("/dev/pets")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://example.com")
                .header("Access-Control-Request-Method", "POST"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(r.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET,POST,OPTIONS");
        assertThat(r.headers().firstValue("Access-Control-Allow-Headers"))
                .hasValue("Content-Type,X-Amz-Date,Authorization,X-Api-Key");
        assertThat(r.body()).isEmpty();
    }

    @Test
    void mockRequestTemplateStatusCodeSelectsTheIntegrationResponse() throws Exception {
        HttpResponse<String> r = send(request("/dev/pets")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\": \"fish\"}")));
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.headers().firstValue("Location")).hasValue("/pets/3");
        assertThat(r.body()).isEqualTo(CREATED_PET);
    }

    // ---- HTTP_PROXY

    @Test
    void greedyProxyForwardsMethodPathQueryHeadersAndBody() throws Exception {
        HttpResponse<String> r = send(request("/dev/store/catalog/dogs/rex%20jr?a=1&b=x%20y&a=2")
                .header("X-Client", "c1")
                .header("X-Forwarded-For", "10.9.8.7")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"qty\":2}")));
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.headers().firstValue("X-Backend")).hasValue("loopback");
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(r.headers().allValues("Set-Cookie")).containsExactly("a=1", "b=2");
        assertThat(r.body()).contains(
                "method=POST\n",
                "uri=/catalog/dogs/rex%20jr?a=1&b=x%20y&a=2\n",
                "header.x-client=c1\n",
                "header.content-type=application/json\n",
                "header.x-forwarded-for=10.9.8.7, 127.0.0.1\n",
                "header.x-forwarded-proto=https\n",
                "header.x-forwarded-port=" + served.https().getPort() + "\n")
                .endsWith("body={\"qty\":2}");
    }

    @Test
    void proxyAnswersExpectContinueAndForwardsTheBody() throws Exception {
        HttpResponse<String> r = send(request("/dev/store/echo")
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofString("sent after 100 Continue")));
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).endsWith("body=sent after 100 Continue").doesNotContain("header.expect=");
    }

    @Test
    void greedyProxyForwardsEveryMethod() throws Exception {
        for (String method : List.of("GET", "PUT", "PATCH", "DELETE", "HEAD")) {
            HttpRequest.BodyPublisher body = method.equals("PUT") || method.equals("PATCH")
                    ? HttpRequest.BodyPublishers.ofString(method.toLowerCase()) : HttpRequest.BodyPublishers.noBody();
            HttpResponse<String> r = send(request("/dev/store/inventory/" + method).method(method, body));
            assertThat(r.statusCode()).as(method).isEqualTo(201);
            if (!method.equals("HEAD")) {
                assertThat(r.body()).as(method).startsWith("method=" + method + "\nuri=/inventory/" + method + "\n");
            }
        }
        HttpResponse<String> put = send(request("/dev/store/inventory/7").PUT(HttpRequest.BodyPublishers.ofString("put")));
        assertThat(put.body()).endsWith("body=put");
    }

    @Test
    void proxyWithPathParameterReachesTheStageVariablesBackend() throws Exception {
        HttpResponse<String> r = send(get("/dev/orders/7?expand=items"));
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).startsWith("method=GET\nuri=/orders/7?expand=items\n");
    }

    @Test
    void proxyPassesTheBackendsStatusThrough() throws Exception {
        for (int status : List.of(200, 302, 404, 500, 503)) {
            HttpResponse<String> r = send(get("/dev/store/echo?status=" + status));
            assertThat(r.statusCode()).isEqualTo(status);
            assertThat(r.headers().firstValue("X-Backend")).hasValue("loopback");
            assertThat(r.body()).startsWith("method=GET\nuri=/echo?status=" + status + "\n");
        }
    }

    @Test
    void proxyDropsHopByHopRequestHeaders() throws Exception {
        HttpResponse<String> r = send(get("/dev/store/echo")
                .header("Keep-Alive", "timeout=5")
                .header("TE", "trailers")
                .header("Proxy-Authorization", "Basic Zm9vOmJhcg==")
                .header("X-Kept", "yes"));
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).contains("header.x-kept=yes\n")
                .doesNotContain("header.keep-alive=", "header.te=", "header.proxy-authorization=");
    }

    @Test
    void largeBodiesStreamBothWays() throws Exception {
        byte[] big = bigBody();
        HttpResponse<byte[]> r = client.send(request("/dev/store/bytes/upload")
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(big)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertRequestId(r);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Length")).hasValue(Integer.toString(big.length));
        assertThat(r.body().length).isEqualTo(big.length);
        assertThat(r.body()).isEqualTo(big);
    }

    @Test
    void largeChunkedBodiesStreamBothWays() throws Exception {
        byte[] big = bigBody();
        // No length known up front: the client sends chunked, and the backend answers chunked.
        HttpResponse<byte[]> r = client.send(request("/dev/store/bytes/upload?chunked=1")
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertRequestId(r);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body().length).isEqualTo(big.length);
        assertThat(r.body()).isEqualTo(big);
    }

    @Test
    void slowBackendTimesOutAfterTheIntegrationTimeout() throws Exception {
        // GET /orders/{orderId} has timeoutInMillis 2000; the backend answers after 8 s.
        HttpResponse<String> r = send(get("/dev/orders/9?delayMs=8000"));
        assertThat(r.statusCode()).isEqualTo(504);
        assertThat(r.body()).isEqualTo("{\"message\":\"Endpoint request timed out\"}");
    }

    @Test
    void unreachableBackendIsAnIntegrationFailure() throws Exception {
        HttpResponse<String> r = send(get("/prod/store/anything"));
        assertThat(r.statusCode()).isEqualTo(504);
        assertThat(r.body()).isEqualTo("{\"message\":\"Internal server error\"}");
    }

    @Test
    void aSlowBackendHoldsNoContainerThread() throws Exception {
        int requests = 4 * MAX_THREADS;
        backend.closeGate();
        List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
        try {
            for (int i = 0; i < requests; i++) {
                slow.add(client.sendAsync(get("/dev/store/hold/" + i).build(), HttpResponse.BodyHandlers.ofString()));
            }
            awaitTrue(() -> backend.held() == requests || slow.stream().anyMatch(CompletableFuture::isDone),
                    Duration.ofSeconds(40), Duration.ofMillis(20), () -> "requests waiting at the backend: " + backend.held() + " of " + requests);
            assertThat(slow).as("answered before the backend let any through").noneMatch(CompletableFuture::isDone);
            // Every container thread would be taken by now if a waiting request held one.
            HttpResponse<String> mock = send(get("/dev/pets"));
            assertThat(mock.statusCode()).isEqualTo(200);
            assertThat(mock.body()).isEqualTo(PETS);
            assertThat(backend.held()).as("still waiting while the MOCK answered").isEqualTo(requests);
        } finally {
            backend.openGate();
        }
        for (int i = 0; i < requests; i++) {
            HttpResponse<String> r = slow.get(i).get(30, TimeUnit.SECONDS);
            assertRequestId(r);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("released /hold/" + i);
        }
    }

    @Test
    void anEmptyChunkedBodyIsForwardedAsEmpty() throws Exception {
        HttpResponse<String> r = send(request("/dev/store/echo")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[0]))));
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).startsWith("method=POST\n").endsWith("\nbody=");
    }

    @Test
    void anAnswerGivenBeforeTheBodyArrivesLeavesTheConnectionUsableOrClosesIt() throws Exception {
        // A MOCK and an unknown route are answered without reading the body. HTTP/1.1 allows that, but then the
        // response must say "Connection: close", or the rest of the body must be read so the connection can carry
        // the next request; otherwise a client that reuses it (as every pooling client does) loses that request.
        for (String path : List.of("/dev/pets", "/dev/nothing")) {
            try (RawHttps connection = RawHttps.open(served.https(), tls)) {
                byte[] body = new byte[64 * 1024];
                Arrays.fill(body, (byte) 'x');
                connection.write("POST " + served.https().getPath() + path + " HTTP/1.1\r\n"
                        + "Host: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length + "\r\n\r\n");
                connection.write(Arrays.copyOf(body, 1024));
                RawHttps.Response first = connection.readResponse();
                assertThat(first.status()).as(path).isIn(201, 403);
                if (first.closes()) {
                    continue;
                }
                // Let the server finish the exchange it answered before the rest of the body comes.
                Thread.sleep(200);
                String promise = "POST " + path + " answered " + first.status() + " " + first.headers()
                        + " before its body was read, without Connection: close";
                RawHttps.Response second;
                try {
                    connection.write(Arrays.copyOfRange(body, 1024, body.length));
                    connection.write("GET " + served.https().getPath() + "/dev/pets HTTP/1.1\r\n"
                            + "Host: 127.0.0.1\r\n\r\n");
                    second = connection.readResponse();
                } catch (IOException e) {
                    throw new AssertionError(promise + "; then the connection failed for the next request: " + e, e);
                }
                assertThat(second.status()).as(promise + "; the next request on the connection").isEqualTo(200);
                assertThat(second.body()).isEqualTo(PETS);
            }
        }
    }

    // ---- gateway errors

    @Test
    void unknownRouteOrMethodIsMissingAuthenticationToken() throws Exception {
        List<HttpRequest.Builder> unknown = List.of(get("/dev/nothing"), get("/dev/pets/1/extra"), get("/dev"),
                get("/dev/"), get("/dev/store"), request("/dev/pets/1").DELETE(),
                request("/dev/orders/1").POST(HttpRequest.BodyPublishers.ofString("{}")));
        for (HttpRequest.Builder b : unknown) {
            HttpRequest request = b.build();
            HttpResponse<String> r = send(request);
            String what = request.method() + " " + request.uri().getPath();
            assertThat(r.statusCode()).as(what).isEqualTo(403);
            assertThat(r.body()).as(what).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
            assertThat(r.headers().firstValue("x-amzn-ErrorType")).as(what)
                    .hasValue("MissingAuthenticationTokenException");
        }
    }

    @Test
    void unknownStageIsForbidden() throws Exception {
        HttpResponse<String> r = send(get("/test/pets"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).isEqualTo("{\"message\":\"Forbidden\"}");
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("ForbiddenException");
    }

    @Test
    void plainHttpIsRefused() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(served.http() + "/dev/pets"))
                .timeout(REQUEST_TIMEOUT).build());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).isEqualTo("{\"message\":\"HTTPS is required\"}");
    }

    @Test
    void everyResponseHasItsOwnRequestId() throws Exception {
        Set<String> ids = new HashSet<>();
        for (String path : List.of("/dev/pets", "/dev/orders/1", "/dev/nothing", "/test/pets", "/prod/store/x")) {
            ids.add(send(get(path)).headers().firstValue("x-amzn-RequestId").orElseThrow());
        }
        assertThat(ids).hasSize(5);
    }

    // ---- deployment

    @Test
    void aBadConfigurationKeyFailsDeploymentNamingTheKey() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.properties"),
                "turnpike.stage.dev.variables.backendHost=" + backend.hostAndPort() + "\n"
                        + "turnpike.stage.dev.variabels.x=1\n");
        try (ServedWar failed = deployWithConfig(bad, "bad-config")) {
            assertThat(failed.available()).as("%s serves the WAR", failed).isFalse();
            assertThat(failed.startupFailure()).contains("invalid Turnpike configuration:\n"
                    + "  turnpike.stage.dev.variabels.x: unknown configuration key (see docs/configuration.md)");
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(failed.https() + "/dev/pets"))
                    .timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(failed.statusWhenUnavailable());
            assertThat(r.body()).doesNotContain("dog");
        }
    }

    @Test
    void undeployingLeavesNoApplicationThreadBehind() throws Exception {
        ServedWar second = deployWithConfig(config, "undeploy");
        assertThat(second.available()).as("%s deployed the petstore: %s", second, second.startupFailure()).isTrue();
        try {
            // A MOCK, a proxied call and a failed one: every kind of work the gateway does.
            Map<String, Integer> calls = Map.of("/dev/pets", 200, "/dev/orders/1", 201, "/prod/store/down", 504);
            for (Map.Entry<String, Integer> call : calls.entrySet()) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(second.https() + call.getKey()))
                        .timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(call.getKey()).isEqualTo(call.getValue());
            }
        } finally {
            second.close();
        }
        // Threads that end once their owner is unreachable (the JDK HttpClient's) get the chance: collect, look again.
        awaitTrue(() -> {
            System.gc();
            return second.threadsOfApplication().isEmpty();
        }, Duration.ofSeconds(10), Duration.ofMillis(200), () -> second + " undeployed the petstore, but these threads of it still run: "
                + second.threadsOfApplication());
    }

    // ---- helpers

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(served.https() + pathAndQuery)).timeout(REQUEST_TIMEOUT);
    }

    private HttpRequest.Builder get(String pathAndQuery) {
        return request(pathAndQuery).GET();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return send(request.build());
    }

    /** Sends and checks what every response of the gateway carries, whatever its status. */
    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertRequestId(r);
        return r;
    }

    static void assertRequestId(HttpResponse<?> r) {
        assertThat(r.headers().firstValue("x-amzn-RequestId"))
                .as("x-amzn-RequestId of %s %s", r.request().method(), r.uri())
                .hasValueSatisfying(id -> assertThat(id).matches(REQUEST_ID));
    }

    static void awaitTrue(BooleanSupplier condition, Duration limit, Duration poll, Supplier<String> state)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit + ": " + state.get());
            }
            Thread.sleep(poll.toMillis());
        }
    }

    /** A few MB that are not all alike, so a lost or reordered chunk shows. */
    static byte[] bigBody() {
        byte[] big = new byte[4 * 1024 * 1024 + 17];
        new Random(42).nextBytes(big);
        return big;
    }

    /** A port nothing listens on: bound, then released. */
    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
