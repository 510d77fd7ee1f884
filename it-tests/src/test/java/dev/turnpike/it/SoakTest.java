package dev.turnpike.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.UnixOperatingSystemMXBean;
import com.sun.net.httpserver.HttpServer;
import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.model.Authorizer;
import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.model.IntegrationResponse;
import dev.turnpike.runtime.model.IntegrationType;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.pipeline.Gateway;
import dev.turnpike.runtime.routing.RouteNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bounded soak (issue 14, item 6): a steady, moderate load over a mix of routes (MOCK, HTTP_PROXY to a real
 * backend, an in-process Lambda proxy function, a Lambda TOKEN authorizer, a method throttled on Redis), with a
 * fault injected every 10 s in turn: Redis slowed by {@code DEBUG SLEEP}, the backend stopped and started again
 * on its port, a volley of malformed requests on raw TLS. Each sample takes heap after GC, live threads and open file
 * descriptors. What must hold: no request lost (every request answered, with a status its route may give: 429 on the
 * throttled route, 403 for a denied token, 504 on HTTP_PROXY while its backend is down), and no growth trend in
 * heap, threads or descriptors (the last third of the samples against the first, with generous slack).
 *
 * <p>One minute, a sample every 10 s, by default; {@code -Dturnpike.soak.minutes=20} is the long run, a sample a
 * minute (30 s for runs under ten minutes); either way a fault is injected every 10 s. The table rows for docs/reliability.md are printed at the end.
 */
class SoakTest {

    private static final long MINUTES = Long.getLong("turnpike.soak.minutes", 1);
    /** Enough samples for a trend: every 10 s for a minute, 30 s under ten minutes, each minute beyond. */
    private static final Duration SAMPLE_EVERY = MINUTES <= 1 ? Duration.ofSeconds(10)
            : MINUTES < 10 ? Duration.ofSeconds(30) : Duration.ofMinutes(1);
    /** A fault every 10 s, whatever the sampling: Redis, the backend and hostile clients in turn. */
    private static final Duration FAULT_EVERY = Duration.ofSeconds(10);
    /** Each client pauses this long between requests: 4 clients, about 50 requests a second in all. */
    private static final Duration PACE = Duration.ofMillis(80);
    private static final int CLIENTS = 4;
    /** After a backend restart, the time in which an HTTP_PROXY 504 still counts as the fault's. */
    private static final Duration FAULT_GRACE = Duration.ofSeconds(3);
    private static final int HOSTILE_PER_VOLLEY = 25;

    private static final String[] ROUTES = {"/dev/mock", "/dev/proxy/item", "/dev/lambda", "/dev/authorized",
        "/dev/throttled"};
    private static final Map<String, List<Integer>> EXPECTED = Map.of(
            "/dev/mock", List.of(200), "/dev/proxy/item", List.of(200), "/dev/lambda", List.of(200),
            "/dev/authorized", List.of(200, 403), "/dev/throttled", List.of(200, 429));

    @TempDir
    static Path dir;

    private static ThrottlingRedisServer redis;
    private static TestTls tls;
    private static FilterInJetty jetty;
    private static volatile HttpServer backend;
    private static int backendPort;
    /** One pool for every incarnation of the backend: a stopped HttpServer leaves its executor running. */
    private static final ExecutorService BACKEND_THREADS = Executors.newFixedThreadPool(4, task -> {
        Thread thread = new Thread(task, "soak-backend");
        thread.setDaemon(true);
        return thread;
    });
    /** Nanos until which a 504 on HTTP_PROXY is the injected backend fault's. */
    private static final AtomicLong backendFaultUntil = new AtomicLong();

    @BeforeAll
    static void start() throws Exception {
        redis = ThrottlingRedisServer.startOrSkip();
        backend = backend(0);
        backendPort = backend.getAddress().getPort();
        tls = TestTls.create(dir);
        Map<String, String> keys = new java.util.HashMap<>();
        keys.put("turnpike.stages", "dev");
        keys.put("turnpike.redis.uri", redis.uri());
        keys.put("turnpike.redis.failMode", "open");
        keys.put("turnpike.lambda.sizer", FuzzTest.Sizer.class.getName());
        keys.put("turnpike.lambda.gate", AllGatewayResponsesTest.Gate.class.getName());
        keys.put("turnpike.stage.dev.methodSettings./throttled/GET.throttlingRateLimit", "5");
        keys.put("turnpike.stage.dev.methodSettings./throttled/GET.throttlingBurstLimit", "5");
        jetty = FilterInJetty.serve(tls, Gateway.create(api(), TurnpikeConfig.from(keys)));
    }

    @AfterAll
    static void stop() throws Exception {
        if (jetty != null) {
            jetty.close();
        }
        if (backend != null) {
            backend.stop(0);
        }
        if (redis != null) {
            redis.close();
        }
        BACKEND_THREADS.shutdownNow();
    }

    /** One sample: when, and what the JVM held then. */
    record Sample(long second, long heapAfterGcBytes, int threads, long openFiles, long requests) {
    }

    @Test
    void aSteadyLoadWithFaultsLosesNoRequestAndGrowsNothing() throws Exception {
        LongAdder sent = new LongAdder();
        Map<String, LongAdder> answers = new ConcurrentHashMap<>();
        List<String> lost = java.util.Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        long end = start + Duration.ofMinutes(MINUTES).toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            running.add(clients.submit(() -> load(client, end, sent, answers, lost)));
        }

        List<Sample> samples = new ArrayList<>();
        List<String> faults = new ArrayList<>();
        int hostile = 0;
        samples.add(sample(start, sent.sum()));
        long nextSample = start + SAMPLE_EVERY.toNanos();
        for (int n = 0; System.nanoTime() + FAULT_EVERY.toNanos() <= end; n++) {
            long next = System.nanoTime() + FAULT_EVERY.toNanos();
            switch (n % 3) {
                case 0 -> {
                    redis.debugSleep(1);
                    faults.add("Redis DEBUG SLEEP 1 s");
                }
                case 1 -> {
                    restartBackend();
                    faults.add("backend stopped 1 s and restarted");
                }
                default -> {
                    hostile += hostileVolley(lost);
                    faults.add(HOSTILE_PER_VOLLEY + " malformed requests");
                }
            }
            Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
            if (System.nanoTime() >= nextSample - FAULT_EVERY.toNanos() / 2) {
                samples.add(sample(start, sent.sum()));
                nextSample += SAMPLE_EVERY.toNanos();
            }
        }
        for (Future<?> client : running) {
            client.get();
        }
        clients.shutdown();

        double seconds = (System.nanoTime() - start) / 1e9;
        print(samples, sent.sum(), seconds, answers, faults, hostile, lost);
        assertThat(lost).isEmpty();
        assertNoGrowth(samples);
    }

    /** One client: the routes in turn, {@link #PACE} apart, until {@code end}; a wrong answer is a lost request. */
    private static Void load(int client, long end, LongAdder sent, Map<String, LongAdder> answers, List<String> lost) {
        Random random = new Random(client);
        for (int i = client; System.nanoTime() < end; i++) {
            String route = ROUTES[i % ROUTES.length];
            HttpRequest.Builder request = HttpRequest.newBuilder(jetty.root().resolve(route))
                    .timeout(Duration.ofSeconds(30));
            if (route.equals("/dev/authorized")) {
                request.header("Authorization", random.nextInt(10) == 0 ? "deny" : "allow");
            }
            if (route.equals("/dev/lambda")) {
                request.POST(HttpRequest.BodyPublishers.ofString("{\"n\": " + i + "}"));
            }
            sent.increment();
            try {
                HttpResponse<String> r = jetty.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
                answers.computeIfAbsent(route + " " + r.statusCode(), k -> new LongAdder()).increment();
                boolean backendFault = route.startsWith("/dev/proxy") && r.statusCode() == 504
                        && System.nanoTime() < backendFaultUntil.get();
                if (!EXPECTED.get(route).contains(r.statusCode()) && !backendFault) {
                    lost.add(route + ": " + r.statusCode() + " " + r.body());
                }
            } catch (IOException e) {
                lost.add(route + ": no answer: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            try {
                Thread.sleep(PACE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    /** Stops the backend (its connections drop), waits a second, and serves again on the same port. */
    private static void restartBackend() throws Exception {
        backendFaultUntil.set(Long.MAX_VALUE);
        backend.stop(0);
        Thread.sleep(1_000);
        backend = backend(backendPort);
        backendFaultUntil.set(System.nanoTime() + FAULT_GRACE.toNanos());
    }

    /** Malformed requests on raw TLS, each on its own connection: an answer or a closed connection, never a 5xx. */
    private static int hostileVolley(List<String> lost) throws Exception {
        String[] malformed = {"GET /dev/mock\r\n\r\n", "GET /dev/mock HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n",
            "POST /dev/lambda HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
            "POST /dev/proxy/x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nxyz\r\n",
            "GET /dev/proxy/a/../../secret HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            "GET /dev/authorized HTTP/1.1\r\nHost: x\r\nAuthorization: " + "A".repeat(9_000) + "\r\n\r\n",
            "GET /dev/%zz HTTP/1.1\r\nHost: x\r\n\r\n",
            "POST /dev/lambda HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\nContent-Length: 11\r\n\r\n0123456789"};
        for (int i = 0; i < HOSTILE_PER_VOLLEY; i++) {
            String text = malformed[i % malformed.length];
            try (RawHttps raw = RawHttps.open(jetty.root(), tls)) {
                raw.write(text);
                RawHttps.Response r = raw.readResponse();
                if (r.status() >= 500 && r.status() != 505) {
                    lost.add("hostile " + text.lines().findFirst().orElse("") + ": " + r.status() + " " + r.body());
                }
            } catch (IOException closed) {
                // Closing the connection on garbage is an answer too.
            }
        }
        return HOSTILE_PER_VOLLEY;
    }

    private static Sample sample(long start, long requests) {
        System.gc();
        long heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP && p.getCollectionUsage() != null)
                .mapToLong(p -> p.getCollectionUsage().getUsed()).sum();
        long files = ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                ? unix.getOpenFileDescriptorCount() : -1;
        return new Sample((System.nanoTime() - start) / 1_000_000_000, heap, Thread.activeCount(), files, requests);
    }

    /**
     * No trend: the median of the last third of the samples is within slack of the first third's (the first sample,
     * taken before any load, is left out). Slack is wide: this looks for a leak, not for noise.
     */
    private static void assertNoGrowth(List<Sample> samples) {
        List<Sample> loaded = samples.subList(1, samples.size());
        int third = Math.max(1, loaded.size() / 3);
        List<Sample> first = loaded.subList(0, third);
        List<Sample> last = loaded.subList(loaded.size() - third, loaded.size());
        assertThat(median(last, Sample::heapAfterGcBytes))
                .isLessThanOrEqualTo(median(first, Sample::heapAfterGcBytes) * 3 / 2 + 32L * 1024 * 1024);
        assertThat(median(last, s -> s.threads())).isLessThanOrEqualTo(median(first, s -> s.threads()) + 25);
        assertThat(median(last, Sample::openFiles)).isLessThanOrEqualTo(median(first, Sample::openFiles) + 60);
    }

    private static long median(List<Sample> samples, java.util.function.ToLongFunction<Sample> value) {
        long[] values = samples.stream().mapToLong(value).sorted().toArray();
        return values[values.length / 2];
    }

    private static void print(List<Sample> samples, long sent, double seconds, Map<String, LongAdder> answers,
            List<String> faults, int hostile, List<String> lost) {
        System.out.println("Soak samples (second, heap after GC MiB, threads, open files, requests sent):");
        for (Sample s : samples) {
            System.out.printf("  %5d  %6.1f  %4d  %4d  %7d%n", s.second(), s.heapAfterGcBytes() / 1048576.0,
                    s.threads(), s.openFiles(), s.requests());
        }
        Map<String, Long> byRouteAndStatus = new TreeMap<>();
        answers.forEach((k, v) -> byRouteAndStatus.put(k, v.sum()));
        Map<String, Long> faultCounts = new TreeMap<>();
        faults.forEach(f -> faultCounts.merge(f, 1L, Long::sum));
        Sample first = samples.get(1 < samples.size() ? 1 : 0);
        Sample last = samples.get(samples.size() - 1);
        System.out.printf("| load held | %d requests in %.0f s (%.0f/s) from %d clients over %d routes: %s |%n", sent,
                seconds, sent / seconds, CLIENTS, ROUTES.length, byRouteAndStatus);
        System.out.printf("| faults injected and survived | %s |%n", faultCounts);
        System.out.printf("| hostile inputs tried | %d malformed requests on raw TLS |%n", hostile);
        System.out.printf("| requests lost | %d%s |%n", lost.size(), lost.isEmpty() ? "" : " " + lost.subList(0,
                Math.min(5, lost.size())));
        System.out.printf("| heap after GC, threads, open files | %.1f -> %.1f MiB, %d -> %d, %d -> %d (%d samples, %d s"
                + " apart) |%n", first.heapAfterGcBytes() / 1048576.0, last.heapAfterGcBytes() / 1048576.0,
                first.threads(), last.threads(), first.openFiles(), last.openFiles(), samples.size(),
                SAMPLE_EVERY.toSeconds());
    }

    /** Answers every request with a small JSON body; on {@code port}, or a free one for 0. */
    private static HttpServer backend(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                byte[] body = "{\"item\": true}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.setExecutor(BACKEND_THREADS);
        server.start();
        return server;
    }

    private static SmallApi api() {
        String functions = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                + "arn:aws:lambda:us-east-1:123456789012:function:";
        Operation mock = Operation.on("GET", "/mock").integration(okMock()).build();
        Operation proxy = Operation.on("GET", "/proxy/{proxy+}").requestParameter("method.request.path.proxy", true)
                .integration(Integration.of(IntegrationType.HTTP_PROXY).httpMethod("GET")
                        .uri("http://127.0.0.1:" + backendPort + "/{proxy}").timeoutInMillis(5_000)
                        .requestParameter("integration.request.path.proxy", "method.request.path.proxy").build())
                .build();
        Operation lambda = Operation.on("POST", "/lambda").integration(Integration.of(IntegrationType.AWS_PROXY)
                .httpMethod("POST").uri(functions + "sizer/invocations").build()).build();
        Operation authorized = Operation.on("GET", "/authorized").authorizer(Authorizer.lambda("gate", "TOKEN",
                functions + "gate/invocations").identitySource("method.request.header.Authorization")
                .resultTtlInSeconds(0).build()).integration(okMock()).build();
        Operation throttled = Operation.on("GET", "/throttled").integration(okMock()).build();
        RouteNode routes = RouteNode.resource("/")
                .literal("mock", RouteNode.resource("/mock").method(mock).build())
                .literal("proxy", RouteNode.resource("/proxy")
                        .greedy("proxy", RouteNode.resource("/proxy/{proxy+}").method(proxy).build()).build())
                .literal("lambda", RouteNode.resource("/lambda").method(lambda).build())
                .literal("authorized", RouteNode.resource("/authorized").method(authorized).build())
                .literal("throttled", RouteNode.resource("/throttled").method(throttled).build())
                .build();
        return new SmallApi("soak", routes, List.of(mock, proxy, lambda, authorized, throttled));
    }

    private static Integration okMock() {
        return Integration.of(IntegrationType.MOCK).requestTemplate("application/json", "{\"statusCode\": 200}")
                .response(IntegrationResponse.selecting("default", "200")
                        .responseTemplate("application/json", "{\"ok\": true}").build()).build();
    }
}
