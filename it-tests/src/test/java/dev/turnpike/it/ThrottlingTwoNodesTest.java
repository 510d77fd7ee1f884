package dev.turnpike.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.pipeline.Gateway;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateway nodes, each its own embedded Jetty serving the real filter over TLS, sharing usage plan buckets and
 * quotas on one real redis-server, as two containers behind a load balancer would. Requests alternate between the
 * nodes; what the plans allow is counted over both. Then Redis stops and starts again on the same port: the nodes
 * fail open (a third, fail-closed node answers 500) and throttle again once it is back. Bounded loads, 127.0.0.1.
 */
class ThrottlingTwoNodesTest {

    private static final long REDIS_TIMEOUT_MILLIS = 100;
    /** What an answer may take on top of the Redis timeout: TLS on loopback on a shared 2-core machine. */
    /**
     * What a request may take beyond the Redis timeout while Redis is down. Wide, because the build shares two cores
     * with other work (load averages over 10 were seen): what this proves is a bounded wait, not a hang.
     */
    private static final Duration SLACK = Duration.ofMillis(2000);

    private static final String TOO_MANY_REQUESTS = "429 {\"message\":\"Too Many Requests\"} TooManyRequestsException";
    private static final String LIMIT_EXCEEDED = "429 {\"message\":\"Limit Exceeded\"} LimitExceededException";
    private static final String INTERNAL_ERROR =
            "500 {\"message\":\"Internal server error\"} InternalServerErrorException";
    private static final String OK = "200 metered -";

    /** Plan "throttled" (alice): the throttle binds, the quota does not. */
    private static final double RATE = 25;
    private static final long BURST = 20;
    /** About a second of load on loopback: the burst and the refill each make about half of what is admitted. */
    private static final int REQUESTS = 400;
    /** Plan "counted" (bob): the quota binds, the throttle does not. */
    private static final long QUOTA = 100;

    @TempDir
    static Path dir;

    private static ThrottlingRedisServer redis;
    private static FilterInJetty nodeA;
    private static FilterInJetty nodeB;
    private static FilterInJetty failClosedNode;

    @BeforeAll
    static void start() throws Exception {
        redis = ThrottlingRedisServer.startOrSkip();
        TestTls tls = TestTls.create(dir);
        nodeA = FilterInJetty.serve(tls, gateway("twonodes01", "open"));
        nodeB = FilterInJetty.serve(tls, gateway("twonodes01", "open"));
        // Its own API id, so its buckets are its own: what it answers does not depend on what A and B used.
        failClosedNode = FilterInJetty.serve(tls, gateway("failclosed", "closed"));
    }

    @AfterAll
    static void stop() throws Exception {
        for (FilterInJetty node : new FilterInJetty[] {nodeA, nodeB, failClosedNode}) {
            if (node != null) {
                node.close();
            }
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void twoNodesShareOneKeysThrottle() throws Exception {
        ThrottlingLoad.Result load = ThrottlingLoad.run(4, REQUESTS, Duration.ofSeconds(20),
                i -> get(i % 2 == 0 ? nodeA : nodeB, "alice"));

        double allowed = BURST + RATE * load.seconds();
        long admitted = load.count(200);
        System.out.printf("two nodes, one Redis: %d of %d requests admitted in %.2f s; plan allows %.0f"
                + " (burst %d + rate %.0f/s); %s%n", admitted, load.answers().size(), load.seconds(), allowed, BURST,
                RATE, load.shapes());
        assertThat(load.answers()).hasSize(REQUESTS);
        // Each node on its own buckets would admit about twice this.
        assertThat((double) admitted).isBetween(allowed * 0.9, allowed * 1.1);
        assertThat(load.shapes()).containsOnlyKeys(OK, TOO_MANY_REQUESTS);
    }

    @Test
    void twoNodesCountOneKeysQuotaExactly() throws Exception {
        ThrottlingLoad.Result load = ThrottlingLoad.run(4, REQUESTS, Duration.ofSeconds(20),
                i -> get(i % 2 == 0 ? nodeA : nodeB, "bob"));

        assertThat(load.shapes()).isEqualTo(Map.of(OK, QUOTA, LIMIT_EXCEEDED, REQUESTS - QUOTA));
    }

    @Test
    void whileRedisIsDownFailOpenAdmitsQuicklyFailClosedAnswers500AndThrottlingResumesWhenItIsBack()
            throws Exception {
        // carol's bucket holds 2 and does not refill during the test: the third request, on either node, is 429.
        assertThat(shape(get(nodeA, "carol"))).isEqualTo(OK);
        assertThat(shape(get(nodeB, "carol"))).isEqualTo(OK);
        assertThat(shape(get(nodeA, "carol"))).isEqualTo(TOO_MANY_REQUESTS);
        assertThat(shape(get(failClosedNode, "carol"))).isEqualTo(OK);

        ThrottlingLoad.Result failOpen;
        ThrottlingLoad.Result failClosed;
        redis.stop();
        try {
            failOpen = ThrottlingLoad.run(2, 40, Duration.ofSeconds(20),
                    i -> get(i % 2 == 0 ? nodeA : nodeB, "carol"));
            failClosed = ThrottlingLoad.run(2, 10, Duration.ofSeconds(20), i -> get(failClosedNode, "carol"));
        } finally {
            redis.start(); // same port, empty: the buckets start full again
        }
        System.out.printf("Redis down, timeout %d ms: fail open %s, slowest %d ms; fail closed %s, slowest %d ms%n",
                REDIS_TIMEOUT_MILLIS, failOpen.shapes(), failOpen.slowest().toMillis(), failClosed.shapes(),
                failClosed.slowest().toMillis());
        assertThat(failOpen.shapes()).isEqualTo(Map.of(OK, 40L));
        assertThat(failOpen.slowest()).isLessThan(Duration.ofMillis(REDIS_TIMEOUT_MILLIS).plus(SLACK));
        assertThat(failClosed.shapes()).isEqualTo(Map.of(INTERNAL_ERROR, 10L));
        assertThat(failClosed.slowest()).isLessThan(Duration.ofMillis(REDIS_TIMEOUT_MILLIS).plus(SLACK));

        // Both nodes reconnect and share carol's refilled bucket again: once it is empty, each answers 429.
        awaitShape(nodeA, "carol", TOO_MANY_REQUESTS);
        awaitShape(nodeB, "carol", TOO_MANY_REQUESTS);
        awaitShape(failClosedNode, "carol", OK);
    }

    /** One gateway node on the test's Redis: the three plans, the fail mode, and API id {@code apiId}. */
    private static Gateway gateway(String apiId, String failMode) {
        Map<String, String> keys = new HashMap<>();
        keys.put("turnpike.apiId", apiId);
        keys.put("turnpike.stages", "dev");
        keys.put("turnpike.redis.uri", redis.uri());
        keys.put("turnpike.redis.timeoutMillis", Long.toString(REDIS_TIMEOUT_MILLIS));
        keys.put("turnpike.redis.failMode", failMode);
        for (String key : List.of("alice", "bob", "carol")) {
            keys.put("turnpike.apiKeys." + key + ".value", key + "-key-0123456789abcdef");
        }
        plan(keys, "throttled", "alice", Double.toString(RATE), Long.toString(BURST), "1000000");
        plan(keys, "counted", "bob", "1000", "1000", Long.toString(QUOTA));
        plan(keys, "outage", "carol", "0.001", "2", "1000000");
        return Gateway.create(new ThrottlingApi(), TurnpikeConfig.from(keys));
    }

    /** A usage plan with a throttle and a daily quota for one key on stage dev. */
    private static void plan(Map<String, String> keys, String plan, String apiKey, String rateLimit,
            String burstLimit, String quotaLimit) {
        String prefix = "turnpike.usagePlans." + plan + ".";
        keys.put(prefix + "apiStages", "dev");
        keys.put(prefix + "apiKeys", apiKey);
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

    /** Asks {@code node} every 100 ms, for 10 s at most, until it answers {@code expected}. */
    private static void awaitShape(FilterInJetty node, String apiKey, String expected) throws Exception {
        String last = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            last = shape(get(node, apiKey));
            if (last.equals(expected)) {
                return;
            }
            Thread.sleep(100);
        }
        fail("no " + expected + " within 10 s; last: " + last);
    }
}
