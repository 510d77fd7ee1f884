package dev.turnpike.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.model.IntegrationType;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.pipeline.Gateway;
import dev.turnpike.runtime.routing.RouteNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code turnpike.backend.maxConnectionsPerOrigin} (issue 14, item 2): the filter in Jetty over TLS, with the bound
 * at 3, in front of two real HTTP backends on loopback that count the requests they are serving at once. Many more
 * client requests than the bound reach one backend at most 3 at a time and are all answered; a backend that hangs
 * saturates only its own origin, the requests waiting for it get AWS's 504 within their integration timeout (not
 * twice it), the other backend is served meanwhile, and once the backend answers again so does the gateway.
 */
class BackendConnectionLimitTest {

    private static final int BOUND = 3;
    private static final int PATIENT_TIMEOUT_MILLIS = 10_000;
    private static final int SHORT_TIMEOUT_MILLIS = 1_000;
    /** What a 504 may take beyond the integration timeout on two shared cores: a bounded wait, not a latency. */
    private static final Duration SLACK = Duration.ofMillis(1500);
    private static final String TIMED_OUT = "504 {\"message\":\"Endpoint request timed out\"}";

    @TempDir
    static Path dir;

    private static CountingBackend slow;
    private static CountingBackend other;
    private static FilterInJetty jetty;

    @BeforeAll
    static void start() throws Exception {
        slow = new CountingBackend();
        other = new CountingBackend();
        Gateway gateway = Gateway.create(api(slow.root(), other.root()), TurnpikeConfig.from(Map.of(
                "turnpike.stages", "dev", "turnpike.backend.maxConnectionsPerOrigin", Integer.toString(BOUND))));
        jetty = FilterInJetty.serve(TestTls.create(dir), gateway);
    }

    @AfterAll
    static void stop() throws Exception {
        if (jetty != null) {
            jetty.close();
        }
        for (CountingBackend backend : new CountingBackend[] {slow, other}) {
            if (backend != null) {
                backend.close();
            }
        }
    }

    @BeforeEach
    void answering() {
        slow.answerAfter(0);
        other.answerAfter(0);
    }

    @Test
    void manyMoreRequestsThanTheBoundReachTheBackendAtMostBoundAtATimeAndAreAllServed() throws Exception {
        slow.answerAfter(100);
        slow.mostAtOnce.set(0);

        ThrottlingLoad.Result load = ThrottlingLoad.run(24, 48, Duration.ofSeconds(30), i -> get("/patient/x"));

        System.out.printf("48 requests from 24 clients, bound %d, backend answering in 100 ms: %s in %.2f s, slowest"
                + " %d ms; the backend served at most %d at once%n", BOUND, load.shapes(), load.seconds(),
                load.slowest().toMillis(), slow.mostAtOnce.get());
        assertThat(load.shapes()).isEqualTo(Map.of("200 served -", 48L));
        assertThat(slow.mostAtOnce.get()).isEqualTo(BOUND);
    }

    @Test
    void aHungBackendSaturatesOnlyItsOriginWaitersGet504WithinTheTimeoutAndItRecovers() throws Exception {
        slow.hang();
        ExecutorService clients = Executors.newFixedThreadPool(1);
        try {
            var waiting = clients.submit(() -> ThrottlingLoad.run(3 * BOUND, 3 * BOUND, Duration.ofSeconds(30),
                    i -> get("/short/x")));
            Thread.sleep(200); // the bound is taken, the rest wait
            HttpResponse<String> meanwhile = get("/other/x");
            ThrottlingLoad.Result saturated = waiting.get();

            System.out.printf("%d requests to a hung backend, bound %d, timeout %d ms: %s, slowest %d ms; the other"
                    + " backend meanwhile: %d%n", 3 * BOUND, BOUND, SHORT_TIMEOUT_MILLIS,
                    statusAndBody(saturated), saturated.slowest().toMillis(), meanwhile.statusCode());
            assertThat(meanwhile.statusCode()).isEqualTo(200);
            assertThat(statusAndBody(saturated)).isEqualTo(Map.of(TIMED_OUT, (long) 3 * BOUND));
            assertThat(saturated.slowest()).isLessThan(Duration.ofMillis(SHORT_TIMEOUT_MILLIS).plus(SLACK));
        } finally {
            clients.shutdownNow();
            slow.answerAfter(0);
        }

        // Every place was given back: more requests than the bound, all served.
        ThrottlingLoad.Result recovered = ThrottlingLoad.run(2 * BOUND, 4 * BOUND, Duration.ofSeconds(30),
                i -> get("/short/x"));
        assertThat(recovered.shapes()).isEqualTo(Map.of("200 served -", (long) 4 * BOUND));
    }

    private static Map<String, Long> statusAndBody(ThrottlingLoad.Result result) {
        return result.answers().stream().collect(java.util.stream.Collectors.groupingBy(
                a -> a.status() + " " + a.body(), java.util.TreeMap::new, java.util.stream.Collectors.counting()));
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return jetty.client().send(HttpRequest.newBuilder(jetty.root().resolve("/dev" + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code /patient/{proxy+}} and {@code /short/{proxy+}} to the slow backend, {@code /other/{proxy+}} to the other. */
    private static SmallApi api(URI slowRoot, URI otherRoot) {
        Operation patient = proxy("/patient", slowRoot, PATIENT_TIMEOUT_MILLIS);
        Operation quick = proxy("/short", slowRoot, SHORT_TIMEOUT_MILLIS);
        Operation otherProxy = proxy("/other", otherRoot, SHORT_TIMEOUT_MILLIS);
        RouteNode.Builder root = RouteNode.resource("/");
        for (Operation operation : List.of(patient, quick, otherProxy)) {
            String base = operation.resourcePath().substring(0, operation.resourcePath().indexOf("/{"));
            root.literal(base.substring(1), RouteNode.resource(base)
                    .greedy("proxy", RouteNode.resource(operation.resourcePath()).method(operation).build()).build());
        }
        return new SmallApi("limits", root.build(), List.of(patient, quick, otherProxy));
    }

    private static Operation proxy(String base, URI backendRoot, int timeoutMillis) {
        return Operation.on("GET", base + "/{proxy+}").requestParameter("method.request.path.proxy", true)
                .integration(Integration.of(IntegrationType.HTTP_PROXY).httpMethod("GET")
                        .uri(backendRoot + "{proxy}").timeoutInMillis(timeoutMillis)
                        .requestParameter("integration.request.path.proxy", "method.request.path.proxy").build())
                .build();
    }

    /** A real HTTP backend that answers "served" after a set delay, or not until told, counting who it serves. */
    private static final class CountingBackend implements AutoCloseable {
        private final HttpServer server;
        private final ExecutorService threads = Executors.newCachedThreadPool();
        private final AtomicInteger serving = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        private volatile long delayMillis;
        private volatile CountDownLatch hung = new CountDownLatch(0);

        CountingBackend() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
            server.createContext("/", this::serve);
            server.setExecutor(threads);
            server.start();
        }

        URI root() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        }

        void answerAfter(long millis) {
            delayMillis = millis;
            hung.countDown();
        }

        void hang() {
            hung = new CountDownLatch(1);
        }

        private void serve(HttpExchange exchange) throws IOException {
            int now = serving.incrementAndGet();
            mostAtOnce.accumulateAndGet(now, Math::max);
            try {
                hung.await(30, TimeUnit.SECONDS);
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                // Before answering: once the gateway has the answer it may send the next request at once.
                serving.decrementAndGet();
            }
            try (exchange) {
                byte[] body = "served".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        }

        @Override
        public void close() {
            hung.countDown();
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
