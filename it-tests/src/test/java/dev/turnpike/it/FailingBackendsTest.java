package dev.turnpike.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.model.IntegrationResponse;
import dev.turnpike.runtime.model.IntegrationType;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.pipeline.Gateway;
import dev.turnpike.runtime.routing.RouteNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Backends that fail, behind {@code HTTP_PROXY} ({@code /proxy/...}) and {@code HTTP} ({@code /http/...}), through
 * the filter in Jetty over TLS: refused, reset while the request is sent, reset in the middle of the response, never
 * answering, answering something that is not HTTP, a gzip bomb, a body over 10 MB. Each gets API Gateway's 5xx
 * within the integration timeout (1 s here), the next request is served, and the gateway's threads do not grow.
 */
class FailingBackendsTest {

    static final int TIMEOUT_MILLIS = 1000;
    static final int BOMB_BYTES = 64 * 1024 * 1024;

    @TempDir
    static Path dir;

    static RawBackend backend;
    /** Keeps {@link #refusedPort} from any listener, ours or another test's. */
    static Socket portHolder;
    static int refusedPort;
    static FilterInJetty jetty;
    static TestTls tls;
    static String base;
    static byte[] bomb;
    static final CountDownLatch silentClosed = new CountDownLatch(1);

    @BeforeAll
    static void start() throws Exception {
        bomb = gzipOfZeros(BOMB_BYTES);
        backend = new RawBackend()
                .on("reset-request", (head, in, socket) -> {
                    RawBackend.reset(socket);
                    return false;
                })
                .on("reset-response", (head, in, socket) -> {
                    RawBackend.readBody(head, in);
                    write(socket, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n"
                            + "a".repeat(500));
                    pause();
                    RawBackend.reset(socket);
                    return false;
                })
                .on("reset-chunked", (head, in, socket) -> {
                    RawBackend.readBody(head, in);
                    write(socket, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
                            + "1f4\r\n" + "a".repeat(500) + "\r\n");
                    pause();
                    RawBackend.reset(socket);
                    return false;
                })
                .on("silent", (head, in, socket) -> {
                    while (in.read() >= 0) {
                        // until the gateway gives up on the connection
                    }
                    silentClosed.countDown();
                    return false;
                })
                .on("garbage", (head, in, socket) -> {
                    write(socket, "garbage\r\n\r\n");
                    socket.close();
                    return false;
                })
                .on("bad-length", (head, in, socket) -> {
                    write(socket, "HTTP/1.1 200 OK\r\nContent-Length: twelve\r\n\r\nhello");
                    socket.close();
                    return false;
                })
                .on("bad-status", (head, in, socket) -> {
                    write(socket, "HTTP/1.1 2x0 OK\r\nContent-Length: 2\r\n\r\nok");
                    socket.close();
                    return false;
                })
                .on("gzip", (head, in, socket) -> {
                    RawBackend.readBody(head, in);
                    write(socket, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
                            + "Content-Length: " + bomb.length + "\r\n\r\n");
                    socket.getOutputStream().write(bomb);
                    socket.getOutputStream().flush();
                    return true;
                })
                .on("huge", (head, in, socket) -> {
                    RawBackend.readBody(head, in);
                    int length = 11 * 1024 * 1024;
                    write(socket, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + length
                            + "\r\n\r\n");
                    writeZeros(socket.getOutputStream(), length);
                    return true;
                })
                .on("huge-chunked", (head, in, socket) -> {
                    RawBackend.readBody(head, in);
                    write(socket, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n");
                    OutputStream out = socket.getOutputStream();
                    for (int i = 0; i < 11 * 16; i++) { // 11 MB in 64 KiB chunks
                        out.write("10000\r\n".getBytes(StandardCharsets.ISO_8859_1));
                        writeZeros(out, 64 * 1024);
                        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    return true;
                });
        refusedPort = holdPort(0);
        tls = TestTls.create(dir);
        jetty = FilterInJetty.serve(tls, Gateway.create(api(backend.port(), refusedPort),
                TurnpikeConfig.from(Map.of("turnpike.stages", "dev"))));
        base = jetty.root() + "/dev";
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.close();
        backend.close();
        portHolder.close();
    }

    /** Binds a socket that never listens to {@code port} (0: a free one): connections to it are refused. */
    static int holdPort(int port) throws IOException, InterruptedException {
        // Right after a backend on the port closed, its connections may still hold it until the gateway's pool has
        // seen them end: give that a few seconds.
        for (int attempt = 0;; attempt++) {
            Socket holder = new Socket();
            holder.setReuseAddress(true);
            try {
                holder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                portHolder = holder;
                return holder.getLocalPort();
            } catch (java.net.BindException inUse) {
                holder.close();
                if (attempt == 50) {
                    throw inUse;
                }
                Thread.sleep(100);
            }
        }
    }

    static SmallApi api(int port, int refused) {
        String backendRoot = "http://127.0.0.1:" + port + "/";
        Operation proxy = Operation.on("ANY", "/proxy/{proxy+}").requestParameter("method.request.path.proxy", true)
                .integration(Integration.of(IntegrationType.HTTP_PROXY).httpMethod("ANY")
                        .uri(backendRoot + "{proxy}").timeoutInMillis(TIMEOUT_MILLIS)
                        .requestParameter("integration.request.path.proxy", "method.request.path.proxy").build())
                .build();
        Operation http = Operation.on("ANY", "/http/{proxy+}").requestParameter("method.request.path.proxy", true)
                .integration(Integration.of(IntegrationType.HTTP).httpMethod("GET")
                        .uri(backendRoot + "{proxy}").timeoutInMillis(TIMEOUT_MILLIS)
                        .requestParameter("integration.request.path.proxy", "method.request.path.proxy")
                        .response(IntegrationResponse.selecting("default", "200").build()).build())
                .build();
        Operation refusedProxy = Operation.on("GET", "/refused-proxy").integration(
                Integration.of(IntegrationType.HTTP_PROXY).httpMethod("GET")
                        .uri("http://127.0.0.1:" + refused + "/x").timeoutInMillis(TIMEOUT_MILLIS).build()).build();
        Operation refusedHttp = Operation.on("GET", "/refused-http").integration(
                Integration.of(IntegrationType.HTTP).httpMethod("GET")
                        .uri("http://127.0.0.1:" + refused + "/x").timeoutInMillis(TIMEOUT_MILLIS)
                        .response(IntegrationResponse.selecting("default", "200").build()).build()).build();
        RouteNode routes = RouteNode.resource("/")
                .literal("proxy", RouteNode.resource("/proxy")
                        .greedy("proxy", RouteNode.resource("/proxy/{proxy+}").method(proxy).build()).build())
                .literal("http", RouteNode.resource("/http")
                        .greedy("proxy", RouteNode.resource("/http/{proxy+}").method(http).build()).build())
                .literal("refused-proxy", RouteNode.resource("/refused-proxy").method(refusedProxy).build())
                .literal("refused-http", RouteNode.resource("/refused-http").method(refusedHttp).build())
                .build();
        return new SmallApi("failing", routes, List.of(proxy, http, refusedProxy, refusedHttp));
    }

    // ---- each fault, on both integrations ----

    @ParameterizedTest
    @ValueSource(strings = {"/refused-proxy", "/refused-http"})
    void aRefusedConnectionIsIntegrationFailure(String path) throws Exception {
        assertIntegrationFailure(timed(path));
        assertServing();
    }

    @Test
    void aBackendThatGoesAwayAndComesBackIsServedAgain() throws Exception {
        for (int round = 0; round < 3; round++) {
            portHolder.close();
            try (RawBackend back = new RawBackend(refusedPort)) {
                for (String path : List.of("/refused-proxy", "/refused-http")) {
                    HttpResponse<String> r = timed(path);
                    assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
                }
                assertThat(timed("/refused-proxy").body()).isEqualTo("GET /x HTTP/1.1");
            }
            holdPort(refusedPort);
            // gone, with the pooled connections to it
            assertIntegrationFailure(timed("/refused-proxy"));
            assertIntegrationFailure(timed("/refused-http"));
        }
        assertServing();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/proxy", "/http"})
    void aResetWhileTheRequestIsSentIsIntegrationFailure(String integration) throws Exception {
        assertIntegrationFailure(timed(integration + "/reset-request"));
        assertServing();
    }

    @Test
    void aResetInTheResponseIsIntegrationFailureForHttp() throws Exception {
        assertIntegrationFailure(timed("/http/reset-response"));
        assertIntegrationFailure(timed("/http/reset-chunked"));
        assertServing();
    }

    /**
     * HTTP_PROXY streams the backend's response, so its status is on the way before the body fails; the client must
     * still be able to tell the body is cut short: never a complete response with half a body.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/proxy/reset-response", "/proxy/reset-chunked"})
    void aResetInAStreamedResponseNeverLooksComplete(String path) throws Exception {
        try {
            HttpResponse<String> r = timed(path);
            assertThat(r.statusCode()).as("a complete response: %s", r.body()).isGreaterThanOrEqualTo(500);
        } catch (IOException cutShort) {
            System.out.println(path + ": the client saw the body cut short: " + cutShort);
        }
        assertServing();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/proxy", "/http"})
    void aBackendThatNeverAnswersIsIntegrationTimeoutAndItsConnectionIsClosed(String integration) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> r = timed(integration + "/silent");
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println(integration + "/silent answered in " + millis + " ms (timeout " + TIMEOUT_MILLIS + ")");
        assertThat(r.statusCode()).isEqualTo(504);
        assertThat(r.body()).isEqualTo("{\"message\":\"Endpoint request timed out\"}");
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("InternalServerErrorException");
        assertThat(millis).isLessThan(15_000);
        // the abandoned backend connection is let go, not kept half-used
        assertThat(silentClosed.await(15, TimeUnit.SECONDS)).as("the silent backend's connection closed").isTrue();
        assertServing();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/proxy/garbage", "/http/garbage", "/proxy/bad-length", "/http/bad-length",
            "/proxy/bad-status", "/http/bad-status"})
    void aResponseThatIsNotHttpIsIntegrationFailure(String path) throws Exception {
        assertIntegrationFailure(timed(path));
        assertServing();
    }

    @Test
    void aGzipBombIsPassedOnCompressedByHttpProxy() throws Exception {
        HttpResponse<byte[]> r = jetty.client().send(HttpRequest.newBuilder(URI.create(base + "/proxy/gzip"))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(r.body()).isEqualTo(bomb);
        assertServing();
    }

    @Test
    void aGzipBombIsNeverInflatedByHttp() throws Exception {
        HttpResponse<byte[]> r = jetty.client().send(HttpRequest.newBuilder(URI.create(base + "/http/gzip"))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
        System.out.println("/http/gzip: " + r.statusCode() + " " + r.headers().map() + ", " + r.body().length
                + " bytes (" + bomb.length + " compressed, " + BOMB_BYTES + " inflated)");
        assertThat(r.body().length).isLessThanOrEqualTo(bomb.length);
        assertServing();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/http/huge", "/http/huge-chunked"})
    void aResponseOverTenMegabytesIsRefusedByHttp(String path) throws Exception {
        HttpResponse<String> r = timed(path);
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).isEqualTo("{\"message\":\"Internal server error\"}");
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("InternalServerErrorException");
        assertServing();
    }

    @Test
    void everyFaultTwentyTimesOverLeavesNoThreadsBehind() throws Exception {
        List<String> faults = List.of("/refused-proxy", "/refused-http", "/proxy/reset-request",
                "/http/reset-request", "/http/reset-response", "/proxy/garbage", "/http/garbage",
                "/http/huge-chunked", "/http/bad-status");
        for (String fault : faults) { // warm: the pools' first threads are not growth
            timed(fault);
        }
        assertServing();
        int before = gatewayThreads();
        long started = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            for (String fault : faults) {
                assertThat(timed(fault).statusCode()).as(fault).isGreaterThanOrEqualTo(500);
            }
        }
        assertServing();
        int after = gatewayThreads();
        System.out.println(faults.size() * 20 + " faults in " + (System.nanoTime() - started) / 1_000_000
                + " ms; threads " + before + " -> " + after);
        assertThat(after).isLessThanOrEqualTo(before + 16);
    }

    // ---- helpers ----

    static HttpResponse<String> timed(String path) throws Exception {
        return jetty.client().send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertIntegrationFailure(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isEqualTo(504);
        assertThat(r.body()).isEqualTo("{\"message\":\"Internal server error\"}");
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("InternalServerErrorException");
    }

    static void assertServing() throws Exception {
        HttpResponse<String> proxy = timed("/proxy/ok");
        assertThat(proxy.statusCode()).as(proxy.body()).isEqualTo(200);
        assertThat(proxy.body()).isEqualTo("GET /ok HTTP/1.1");
        HttpResponse<String> http = timed("/http/ok");
        assertThat(http.statusCode()).as(http.body()).isEqualTo(200);
    }

    /** Threads of the JVM but the raw backend's own. */
    static int gatewayThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !t.getName().startsWith("raw-backend")).count();
    }

    static void write(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    static void writeZeros(OutputStream out, int length) throws IOException {
        byte[] zeros = new byte[64 * 1024];
        for (int left = length; left > 0; left -= zeros.length) {
            out.write(zeros, 0, Math.min(left, zeros.length));
        }
        out.flush();
    }

    /** Lets what was written reach the gateway before the reset discards it. */
    static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static byte[] gzipOfZeros(int length) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            writeZeros(gzip, length);
        }
        return bytes.toByteArray();
    }

}
