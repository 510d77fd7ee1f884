package dev.turnpike.runtime.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.response.GatewayError;
import dev.turnpike.runtime.response.GatewayResponseType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two gateway nodes (each its own {@link Throttling} and Lettuce client) sharing buckets and quotas on one real
 * redis-server, and what they do while it is down. Bounded loads, 127.0.0.1 only.
 */
class ThrottlingRedisTest {

    private static final AtomicInteger API_IDS = new AtomicInteger();
    private static RedisServer redis;

    private final MutableClock clock = new MutableClock("2026-03-04T10:00:00Z");
    private final List<Throttling> nodes = new ArrayList<>();
    private final String apiId = "redistest" + API_IDS.incrementAndGet();

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.startOrSkip();
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    @AfterEach
    void closeNodes() {
        nodes.forEach(Throttling::close);
    }

    @Test
    void twoNodesShareOneKeysTokenBucket() {
        Throttling a = node(plan("throttle.rateLimit", "1", "throttle.burstLimit", "50"));
        Throttling b = node(plan("throttle.rateLimit", "1", "throttle.burstLimit", "50"));
        assertThat(admitted(200, a, b)).isBetween(45, 55);
        clock.advance(Duration.ofSeconds(10));
        assertThat(admitted(50, a, b)).isBetween(9, 11);
    }

    @Test
    void twoNodesCountOneQuotaExactly() {
        Throttling a = node(plan("quota.limit", "100", "quota.period", "DAY"));
        Throttling b = node(plan("quota.limit", "100", "quota.period", "DAY"));
        List<CompletableFuture<GatewayError>> decisions = load(300, a, b);
        assertThat(decisions.stream().filter(d -> d.join() == null).count()).isEqualTo(100);
        assertThat(decisions.stream().filter(d -> d.join() != null)).allSatisfy(
                d -> assertThat(d.join().type()).isEqualTo(GatewayResponseType.QUOTA_EXCEEDED));
        assertThat(a.remainingQuota("gold", "alice").join()).isZero();
        assertThat(b.remainingQuota("gold", "alice").join()).isZero();
        clock.set("2026-03-05T00:00:00Z");
        assertThat(b.remainingQuota("gold", "alice").join()).isEqualTo(100);
    }

    @Test
    void whileRedisIsDownFailOpenAdmitsAndFailClosedRefusesThenBothRecover() {
        Throttling failOpen = node(outagePlan("open"));
        Throttling failClosed = node(outagePlan("closed"));
        assertThat(admitted(3, failOpen, failOpen)).isEqualTo(2);

        redis.stop();
        try {
            for (int i = 0; i < 10; i++) {
                assertThat(withinTimeout(failOpen)).isNull();
                assertThat(withinTimeout(failClosed)).isEqualTo(GatewayResponseType.DEFAULT_5XX);
            }
        } finally {
            redis.start();
        }

        // Lettuce reconnects on its own; the empty Redis starts the bucket full again.
        assertThat(firstAnswer(failClosed, null)).as("fail closed admits again").isTrue();
        assertThat(firstAnswer(failOpen, GatewayResponseType.THROTTLED)).as("fail open throttles again").isTrue();
    }

    @Test
    void aHungRedisCostsEachRequestTheTimeoutAtMost() {
        Throttling failOpen = node(outagePlan("open"));
        Throttling failClosed = node(outagePlan("closed"));
        assertThat(admitted(3, failOpen, failOpen)).isEqualTo(2);

        redis.freeze();
        try {
            for (int i = 0; i < 3; i++) {
                assertThat(withinTimeout(failOpen)).isNull();
                assertThat(withinTimeout(failClosed)).isEqualTo(GatewayResponseType.DEFAULT_5XX);
            }
        } finally {
            redis.thaw();
        }
        assertThat(firstAnswer(failOpen, GatewayResponseType.THROTTLED)).as("fail open throttles again").isTrue();
        assertThat(firstAnswer(failClosed, GatewayResponseType.THROTTLED)).as("fail closed throttles again")
                .isTrue();
    }

    @Test
    void aNodeStartsWhileRedisIsDownAndConnectsWhenItAnswers() {
        redis.stop();
        Throttling failClosed;
        try {
            failClosed = node(outagePlan("closed"));
            assertThat(withinTimeout(failClosed)).isEqualTo(GatewayResponseType.DEFAULT_5XX);
        } finally {
            redis.start();
        }
        assertThat(firstAnswer(failClosed, null)).as("connected in the background").isTrue();
    }

    /** Alice's usage plan gold on stage dev with these fields, on the test's Redis. */
    private Map<String, String> plan(String... fieldsAndValues) {
        Map<String, String> keys = new HashMap<>(Map.of(
                "turnpike.redis.uri", redis.uri(),
                "turnpike.redis.timeoutMillis", "1000",
                "turnpike.apiKeys.alice.value", "alice-key-0123456789",
                "turnpike.usagePlans.gold.apiStages", "dev",
                "turnpike.usagePlans.gold.apiKeys", "alice"));
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            keys.put("turnpike.usagePlans.gold." + fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return keys;
    }

    private Throttling node(Map<String, String> keys) {
        Throttling node = Throttling.create(TurnpikeConfig.from(keys), apiId, clock);
        nodes.add(node);
        return node;
    }

    /** {@code requests} decisions asked all at once, alternately of {@code a} and {@code b}. */
    private static List<CompletableFuture<GatewayError>> load(int requests, Throttling a, Throttling b) {
        List<CompletableFuture<GatewayError>> decisions = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            decisions.add((i % 2 == 0 ? a : b).admit(alice()));
        }
        CompletableFuture.allOf(decisions.toArray(CompletableFuture[]::new)).join();
        return decisions;
    }

    private static int admitted(int requests, Throttling a, Throttling b) {
        return (int) load(requests, a, b).stream().filter(d -> d.join() == null).count();
    }

    /**
     * One decision with the store down: the error's type ({@code null}: admitted), within the 100 ms timeout plus
     * slack. The slack is wide because the build shares two cores with other work (a 640 ms decision was seen
     * once under load); what this proves is that a down Redis costs a bounded wait, not a hang.
     */
    private static GatewayResponseType withinTimeout(Throttling node) {
        long start = System.nanoTime();
        GatewayError decision = node.admit(alice()).join();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(100 + 1400));
        return decision == null ? null : decision.type();
    }

    /** Alice's plan with a 2-request bucket that does not refill during the test, Redis timeout 100 ms. */
    private Map<String, String> outagePlan(String failMode) {
        Map<String, String> keys = plan("throttle.rateLimit", "0.001", "throttle.burstLimit", "2");
        keys.put("turnpike.redis.timeoutMillis", "100");
        keys.put("turnpike.redis.failMode", failMode);
        return keys;
    }

    /** Whether {@code node} answers {@code expected} (null: admits) within 10 s of asking every 100 ms. */
    private static boolean firstAnswer(Throttling node, GatewayResponseType expected) {
        for (int attempt = 0; attempt < 100; attempt++) {
            GatewayError decision = node.admit(alice()).join();
            if (expected == null ? decision == null : decision != null && decision.type() == expected) {
                return true;
            }
            RedisServer.pause(100);
        }
        return false;
    }

    private static ThrottleRequest alice() {
        return new ThrottleRequest("dev", "/pets", "GET", "alice");
    }
}
