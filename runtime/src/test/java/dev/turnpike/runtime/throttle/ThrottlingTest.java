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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Token buckets in memory on a clock the tests move: no sleeps. */
class ThrottlingTest {

    private final MutableClock clock = new MutableClock("2026-03-04T10:00:00Z");
    private Throttling throttling;

    @AfterEach
    void close() {
        if (throttling != null) {
            throttling.close();
        }
    }

    @Test
    void theBurstIsAdmittedThenTooManyRequests() {
        given("turnpike.throttle.account.rateLimit", "1", "turnpike.throttle.account.burstLimit", "3");
        assertThat(admitted(3, "/pets", "GET", null)).isEqualTo(3);
        GatewayError refused = decide("/pets", "GET", null);
        assertThat(refused.type()).isEqualTo(GatewayResponseType.THROTTLED);
        assertThat(refused.statusOrDefault()).isEqualTo(429);
        assertThat(refused.messageOrDefault()).isEqualTo("Too Many Requests");
        assertThat(refused.detail()).isEqualTo("throttled by the account bucket (rate 1.0/s, burst 3)");
    }

    @Test
    void tokensComeBackAtTheRateUpToTheBurst() {
        given("turnpike.throttle.account.rateLimit", "2", "turnpike.throttle.account.burstLimit", "4");
        assertThat(admitted(10, "/pets", "GET", null)).isEqualTo(4);
        clock.advance(Duration.ofMillis(499));
        assertThat(admitted(10, "/pets", "GET", null)).isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(admitted(10, "/pets", "GET", null)).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(admitted(10, "/pets", "GET", null)).isEqualTo(2);
        clock.advance(Duration.ofHours(1));
        assertThat(admitted(10, "/pets", "GET", null)).as("never more than the burst").isEqualTo(4);
    }

    @Test
    void aFractionalRateRefillsContinuously() {
        given("turnpike.throttle.account.rateLimit", "0.5", "turnpike.throttle.account.burstLimit", "1");
        assertThat(admitted(5, "/pets", "GET", null)).isEqualTo(1);
        clock.advance(Duration.ofMillis(1999));
        assertThat(admitted(5, "/pets", "GET", null)).isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(admitted(5, "/pets", "GET", null)).isEqualTo(1);
    }

    @Test
    void aRateOrBurstOfZeroAdmitsNothing() {
        given("turnpike.stage.dev.methodSettings./pets/GET.throttlingRateLimit", "0",
                "turnpike.stage.dev.methodSettings./pets/POST.throttlingBurstLimit", "0");
        assertThat(admitted(5, "/pets", "GET", null)).isZero();
        assertThat(admitted(5, "/pets", "POST", null)).isZero();
        assertThat(decide("/pets", "GET", null).detail())
                .isEqualTo("throttled by the method dev /pets GET bucket (rate 0.0/s, burst 5000)");
        assertThat(admitted(5, "/pets", "DELETE", null)).isEqualTo(5);
    }

    @Test
    void eachMethodHasItsOwnBucketWithTheStageDefaultsUnderItsOwnEntry() {
        given("turnpike.stage.dev.methodSettings.*/*.throttlingRateLimit", "1",
                "turnpike.stage.dev.methodSettings.*/*.throttlingBurstLimit", "5",
                "turnpike.stage.dev.methodSettings./pets/{petId}/GET.throttlingBurstLimit", "2",
                "turnpike.stage.dev.methodSettings./orders/GET.throttlingBurstLimit", "50");
        assertThat(admitted(10, "/pets/{petId}", "GET", null)).isEqualTo(2);
        assertThat(admitted(10, "/pets", "GET", null)).as("a bucket of its own").isEqualTo(5);
        assertThat(admitted(10, "/pets", "POST", null)).isEqualTo(5);
        assertThat(admitted(60, "/orders", "GET", null)).as("the method's own entry wins, as on AWS").isEqualTo(50);
    }

    @Test
    void theMostRestrictiveOfAccountStageMethodAndPlanWins() {
        given("turnpike.throttle.account.burstLimit", "8",
                "turnpike.stage.dev.methodSettings.*/*.throttlingBurstLimit", "6",
                "turnpike.stage.dev.methodSettings./pets/GET.throttlingBurstLimit", "4",
                "turnpike.apiKeys.alice.value", "alice-key-0123456789",
                "turnpike.usagePlans.basic.apiStages", "dev",
                "turnpike.usagePlans.basic.apiKeys", "alice",
                "turnpike.usagePlans.basic.throttle.rateLimit", "1",
                "turnpike.usagePlans.basic.throttle.burstLimit", "2");
        assertThat(admitted(10, "/pets", "GET", "alice")).as("plan").isEqualTo(2);
        assertThat(admitted(10, "/pets", "GET", null)).as("method: 4 less the 2 alice took").isEqualTo(2);
        assertThat(admitted(10, "/pets", "POST", null)).as("stage default, then the account runs dry")
                .isEqualTo(4);
        assertThat(decide("/pets", "POST", null).detail())
                .isEqualTo("throttled by the account bucket (rate 10000.0/s, burst 8)");
    }

    @Test
    void aRefusedRequestTakesNoTokenFromTheOtherBuckets() {
        given("turnpike.throttle.account.burstLimit", "3",
                "turnpike.apiKeys.alice.value", "alice-key-0123456789",
                "turnpike.usagePlans.basic.apiStages", "dev",
                "turnpike.usagePlans.basic.apiKeys", "alice",
                "turnpike.usagePlans.basic.throttle.rateLimit", "1",
                "turnpike.usagePlans.basic.throttle.burstLimit", "1");
        assertThat(admitted(5, "/pets", "GET", "alice")).isEqualTo(1);
        assertThat(admitted(5, "/pets", "GET", null)).as("the account gave back alice's refused tries")
                .isEqualTo(2);
    }

    @Test
    void keysOfOnePlanDoNotShareItsLimits() {
        given("turnpike.apiKeys.alice.value", "alice-key-0123456789",
                "turnpike.apiKeys.bob.value", "bob-key-0123456789",
                "turnpike.usagePlans.basic.apiStages", "dev",
                "turnpike.usagePlans.basic.apiKeys", "alice,bob",
                "turnpike.usagePlans.basic.throttle.rateLimit", "1",
                "turnpike.usagePlans.basic.throttle.burstLimit", "2");
        assertThat(admitted(5, "/pets", "GET", "alice")).isEqualTo(2);
        assertThat(admitted(5, "/pets", "GET", "bob")).isEqualTo(2);
        GatewayError refused = decide("/pets", "GET", "bob");
        assertThat(refused.type()).isEqualTo(GatewayResponseType.THROTTLED);
        assertThat(refused.detail())
                .isEqualTo("throttled by the usage plan basic, API key bob bucket (rate 1.0/s, burst 2)");
    }

    @Test
    void aPlanCanThrottleOneMethodOnTopOfItsOwnLimit() {
        given("turnpike.apiKeys.alice.value", "alice-key-0123456789",
                "turnpike.usagePlans.basic.apiStages", "dev",
                "turnpike.usagePlans.basic.apiKeys", "alice",
                "turnpike.usagePlans.basic.throttle.rateLimit", "1",
                "turnpike.usagePlans.basic.throttle.burstLimit", "5",
                "turnpike.usagePlans.basic.throttle./pets/{petId}/DELETE.rateLimit", "1",
                "turnpike.usagePlans.basic.throttle./pets/{petId}/DELETE.burstLimit", "1");
        assertThat(admitted(3, "/pets/{petId}", "DELETE", "alice")).isEqualTo(1);
        assertThat(decide("/pets/{petId}", "DELETE", "alice").detail()).isEqualTo("throttled by the usage plan "
                + "basic, API key alice, method dev /pets/{petId} DELETE bucket (rate 1.0/s, burst 1)");
        assertThat(admitted(10, "/pets", "GET", "alice")).as("the plan-wide bucket counted the DELETE too")
                .isEqualTo(4);
    }

    @Test
    void aDisabledKeyOrOneWithoutAPlanForTheStageIsForbidden() {
        given("turnpike.stages", "dev,prod",
                "turnpike.apiKeys.alice.value", "alice-key-0123456789",
                "turnpike.apiKeys.carol.value", "carol-key-0123456789",
                "turnpike.apiKeys.carol.enabled", "false",
                "turnpike.usagePlans.basic.apiStages", "dev",
                "turnpike.usagePlans.basic.apiKeys", "alice,carol");
        GatewayError disabled = decide("/pets", "GET", "carol");
        assertThat(disabled.type()).isEqualTo(GatewayResponseType.INVALID_API_KEY);
        assertThat(disabled.statusOrDefault()).isEqualTo(403);
        assertThat(disabled.detail()).isEqualTo("API key 'carol' is disabled or unknown");
        GatewayError otherStage = throttling.admit(new ThrottleRequest("prod", "/pets", "GET", "alice")).join();
        assertThat(otherStage.detail()).isEqualTo("API key 'alice' is in no usage plan for stage 'prod'");
        assertThat(decide("/pets", "GET", "alice")).isNull();
        assertThat(throttling.usagePlans().isEnabled("carol")).isFalse();
        assertThat(throttling.usagePlans().planFor("dev", "alice").name()).isEqualTo("basic");
    }

    @Test
    void concurrentRequestsTakeExactlyTheBurstAndTheQuota() throws Exception {
        given("turnpike.apiKeys.alice.value", "alice-key-0123456789",
                "turnpike.usagePlans.basic.apiStages", "dev",
                "turnpike.usagePlans.basic.apiKeys", "alice",
                "turnpike.usagePlans.basic.throttle.rateLimit", "1",
                "turnpike.usagePlans.basic.throttle.burstLimit", "300",
                "turnpike.usagePlans.basic.quota.limit", "200",
                "turnpike.usagePlans.basic.quota.period", "DAY");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> counts = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                counts.add(threads.submit(() -> admitted(100, "/pets", "GET", "alice")));
            }
            int admitted = 0;
            for (Future<Integer> count : counts) {
                admitted += count.get(30, TimeUnit.SECONDS);
            }
            assertThat(admitted).isEqualTo(200);
            assertThat(throttling.remainingQuota("basic", "alice").join()).isZero();
            clock.set("2026-03-05T00:00:00Z");
            assertThat(admitted(500, "/pets", "GET", "alice")).as("a new day's quota; the bucket refilled overnight")
                    .isEqualTo(200);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void decisionsInMemoryAreAlreadyComplete() {
        given();
        assertThat(throttling.admit(new ThrottleRequest("dev", "/pets", "GET", null))).isDone()
                .isSameAs(throttling.admit(new ThrottleRequest("dev", "/pets", "GET", null)));
    }

    private void given(String... keysAndValues) {
        Map<String, String> keys = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            keys.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        throttling = Throttling.create(TurnpikeConfig.from(keys), "api1", clock);
    }

    private GatewayError decide(String resourcePath, String method, String key) {
        return throttling.admit(new ThrottleRequest("dev", resourcePath, method, key)).join();
    }

    private int admitted(int requests, String resourcePath, String method, String key) {
        int admitted = 0;
        for (int i = 0; i < requests; i++) {
            if (decide(resourcePath, method, key) == null) {
                admitted++;
            }
        }
        return admitted;
    }
}
