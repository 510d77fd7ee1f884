package dev.turnpike.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.pipeline.Gateway;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redis faults while requests keep coming (issue 14, item 3): a real redis-server is slowed with {@code DEBUG SLEEP}
 * (every connection stays open, nothing answers), then stopped and started again on the same port, while two
 * client threads per node send requests back to back. One node fails open, the other fails closed, each on its own
 * API id (its own buckets). What must hold: the fail-open node admits every request, the fail-closed node answers
 * 200 or AWS's 500 and nothing else, every answer comes within the Redis timeout plus a generous slack (no request
 * waits for Redis to come back), the threads of the JVM and the clients Redis sees do not grow, and once Redis is
 * back a quota counts exactly again. Figures are printed, never asserted.
 */
class RedisFaultsTest {

    private static final long REDIS_TIMEOUT_MILLIS = 100;
    /**
     * What an answer may take beyond the Redis timeout: TLS on loopback on two cores shared with other builds. What
     * this proves is a bounded wait (a request held until Redis answers would take the whole fault), not a latency.
     */
    private static final Duration SLACK = Duration.ofMillis(1500);
    /** How long each fault lasts: long against the timeout, so most requests of the fault meet it. */
    private static final Duration FAULT = Duration.ofSeconds(3);
    private static final Duration BEFORE_FAULT = Duration.ofSeconds(1);
    private static final Duration AFTER_FAULT = Duration.ofSeconds(3);
    /** After a fault ends, the time Lettuce may take to reconnect (its delay is at most 1 s) and drain its queue. */
    private static final Duration RECOVERY = Duration.ofMillis(1500);

    private static final String OK = "200 metered -";
    private static final String INTERNAL_ERROR =
            "500 {\"message\":\"Internal server error\"} InternalServerErrorException";
    private static final String LIMIT_EXCEEDED = "429 {\"message\":\"Limit Exceeded\"} LimitExceededException";
    private static final long QUOTA = 40;
    /** Threads the JVM may gain over a fault before it counts as a pile-up (Jetty and Lettuce pools start lazily). */
    private static final int THREAD_SLACK = 20;

    @TempDir
    static Path dir;

    private static ThrottlingRedisServer redis;
    private static FilterInJetty failOpen;
    private static FilterInJetty failClosed;
    private final ExecutorService loads = Executors.newFixedThreadPool(2);

    @BeforeAll
    static void start() throws Exception {
        redis = ThrottlingRedisServer.startOrSkip();
        TestTls tls = TestTls.create(dir);
        failOpen = FilterInJetty.serve(tls, gateway("faultsopen", "open"));
        failClosed = FilterInJetty.serve(tls, gateway("faultsclosed", "closed"));
    }

    @AfterAll
    static void stop() throws Exception {
        for (FilterInJetty node : new FilterInJetty[] {failOpen, failClosed}) {
            if (node != null) {
                node.close();
            }
        }
        if (redis != null) {
            redis.close();
        }
    }

    @AfterEach
    void stopLoads() {
        loads.shutdownNow();
    }

    @Test
    void aSleepingRedisUnderLoadKeepsEachFailModeAndCountsResume() throws Exception {
        Faulted run = underLoad("debug-sleep", () -> redis.debugSleep(FAULT.toMillis() / 1000.0));

        run.assertHeld();
        assertQuotaCountsExactly("dave");
    }

    @Test
    void aStoppedAndRestartedRedisUnderLoadKeepsEachFailModeAndCountsResume() throws Exception {
        Faulted run = underLoad("stop-restart", () -> {
            redis.stop();
            pause(FAULT);
            redis.start(); // same port, empty
        });

        run.assertHeld();
        assertQuotaCountsExactly("erin");
    }

    /** What both nodes answered while {@code fault} ran in the middle of a load, and what it left behind. */
    private record Faulted(String name, ThrottlingLoad.Result open, ThrottlingLoad.Result closed, long faultStart,
            long faultEnd, int threadsBefore, int threadsAfter, int clientsBefore, int clientsAfter) {

        void assertHeld() {
            // Fail open: every request admitted, during the fault too.
            assertThat(open.shapes()).containsOnlyKeys(OK);
            assertThat(open.slowest()).isLessThan(Duration.ofMillis(REDIS_TIMEOUT_MILLIS).plus(SLACK));
            // Fail closed: 200 or AWS's 500, never anything else; the fault was seen; once Redis is back, 200 again.
            assertThat(closed.shapes()).containsKey(INTERNAL_ERROR);
            assertThat(closed.shapes().keySet()).isSubsetOf(OK, INTERNAL_ERROR);
            assertThat(closed.slowest()).isLessThan(Duration.ofMillis(REDIS_TIMEOUT_MILLIS).plus(SLACK));
            List<ThrottlingLoad.Answer> recovered = closed.answers().stream()
                    .filter(a -> a.sentNanos() > faultEnd + RECOVERY.toNanos()).toList();
            assertThat(recovered).isNotEmpty();
            assertThat(recovered).allSatisfy(a -> assertThat(a.shape()).isEqualTo(OK));
            // Nothing piled up: no thread per failed call, one connection per node again (not one per retry).
            assertThat(threadsAfter).isLessThanOrEqualTo(threadsBefore + THREAD_SLACK);
            assertThat(clientsAfter).isLessThanOrEqualTo(clientsBefore);
        }

        void print() {
            System.out.printf("Redis fault %s (%d ms, timeout %d ms): fail open %s in %.1f s, slowest %d ms;"
                    + " fail closed %s, slowest %d ms, 200s from %d ms after the fault ended; threads %d -> %d;"
                    + " Redis clients %d -> %d%n", name, (faultEnd - faultStart) / 1_000_000, REDIS_TIMEOUT_MILLIS,
                    open.shapes(), open.seconds(), open.slowest().toMillis(), closed.shapes(),
                    closed.slowest().toMillis(), firstOkAfterFault(), threadsBefore, threadsAfter, clientsBefore,
                    clientsAfter);
        }

        private long firstOkAfterFault() {
            List<ThrottlingLoad.Answer> byTime = closed.answers();
            long lastError = byTime.stream().filter(a -> a.status() == 500).mapToLong(ThrottlingLoad.Answer::sentNanos)
                    .max().orElse(faultEnd);
            return Math.max(0, (lastError - faultEnd) / 1_000_000);
        }
    }

    /**
     * Runs a load on both nodes for {@link #BEFORE_FAULT} + the fault + {@link #AFTER_FAULT}, with {@code fault}
     * started after {@link #BEFORE_FAULT}. Times are nanoseconds since the loads started.
     */
    private Faulted underLoad(String name, Runnable fault) throws Exception {
        // Warm both nodes up: the first requests start Jetty's and Lettuce's threads.
        assertThat(shape(get(failOpen, "steady"))).isEqualTo(OK);
        assertThat(shape(get(failClosed, "steady"))).isEqualTo(OK);
        int threadsBefore = Thread.activeCount();
        int clientsBefore = redis.connectedClients();

        Duration timeBox = BEFORE_FAULT.plus(FAULT).plus(AFTER_FAULT);
        long start = System.nanoTime();
        Future<ThrottlingLoad.Result> open = loads.submit(
                () -> ThrottlingLoad.run(2, Integer.MAX_VALUE, timeBox, i -> get(failOpen, "steady")));
        Future<ThrottlingLoad.Result> closed = loads.submit(
                () -> ThrottlingLoad.run(2, Integer.MAX_VALUE, timeBox, i -> get(failClosed, "steady")));
        pause(BEFORE_FAULT);
        long faultStart = System.nanoTime() - start;
        CompletableFuture.runAsync(fault).get();
        long faultEnd = System.nanoTime() - start;
        Faulted run = new Faulted(name, open.get(), closed.get(), faultStart, faultEnd, threadsBefore,
                Thread.activeCount(), clientsBefore, awaitClients(clientsBefore));
        run.print();
        return run;
    }

    /** Redis's client count once it is back to {@code expected}, or after 5 s, whatever it is then. */
    private static int awaitClients(int expected) {
        int clients = redis.connectedClients();
        for (int attempt = 0; attempt < 50 && clients != expected; attempt++) {
            pause(Duration.ofMillis(100));
            clients = redis.connectedClients();
        }
        return clients;
    }

    /** A quota of {@link #QUOTA} on each node, counted from zero after the fault: exactly that many 200s. */
    private static void assertQuotaCountsExactly(String apiKey) throws Exception {
        for (FilterInJetty node : List.of(failOpen, failClosed)) {
            ThrottlingLoad.Result counted = ThrottlingLoad.run(2, (int) QUOTA + 10, Duration.ofSeconds(20),
                    i -> get(node, apiKey));
            assertThat(counted.shapes()).isEqualTo(Map.of(OK, QUOTA, LIMIT_EXCEEDED, 10L));
        }
    }

    /** One node on the test's Redis: plan "steady" never binds, plan "counted" has a quota of {@link #QUOTA}. */
    private static Gateway gateway(String apiId, String failMode) {
        Map<String, String> keys = new HashMap<>();
        keys.put("turnpike.apiId", apiId);
        keys.put("turnpike.stages", "dev");
        keys.put("turnpike.redis.uri", redis.uri());
        keys.put("turnpike.redis.timeoutMillis", Long.toString(REDIS_TIMEOUT_MILLIS));
        keys.put("turnpike.redis.failMode", failMode);
        for (String key : List.of("steady", "dave", "erin")) {
            keys.put("turnpike.apiKeys." + key + ".value", key + "-key-0123456789abcdef");
        }
        plan(keys, "steady", "steady", "100000", "100000", "1000000000");
        plan(keys, "counted", "dave,erin", "100000", "100000", Long.toString(QUOTA));
        return Gateway.create(new ThrottlingApi(), TurnpikeConfig.from(keys));
    }

    private static void plan(Map<String, String> keys, String plan, String apiKeys, String rateLimit,
            String burstLimit, String quotaLimit) {
        String prefix = "turnpike.usagePlans." + plan + ".";
        keys.put(prefix + "apiStages", "dev");
        keys.put(prefix + "apiKeys", apiKeys);
        keys.put(prefix + "throttle.rateLimit", rateLimit);
        keys.put(prefix + "throttle.burstLimit", burstLimit);
        keys.put(prefix + "quota.limit", quotaLimit);
        keys.put(prefix + "quota.period", "DAY");
    }

    private static HttpResponse<String> get(FilterInJetty node, String apiKey) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(node.root().resolve("/dev/metered"))
                .header("x-api-key", apiKey + "-key-0123456789abcdef").build();
        return node.client().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String shape(HttpResponse<String> r) {
        return r.statusCode() + " " + r.body() + " " + r.headers().firstValue("x-amzn-ErrorType").orElse("-");
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
