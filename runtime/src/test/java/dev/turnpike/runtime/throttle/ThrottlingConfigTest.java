package dev.turnpike.runtime.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.turnpike.runtime.config.ConfigException;
import dev.turnpike.runtime.config.TurnpikeConfig;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Bad throttling and usage plan settings fail start, every one named by its key. */
class ThrottlingConfigTest {

    @Test
    void everyBadSettingIsReportedByKey() {
        Map<String, String> keys = new TreeMap<>(Map.of(
                "turnpike.stages", "dev,prod",
                "turnpike.apiKeys.alice.value", "alice-key-0123456789",
                "turnpike.throttle.account.burstLimit", "-5",
                "turnpike.redis.failMode", "sometimes",
                "turnpike.redis.timeoutMillis", "0",
                "turnpike.usagePlans.gold.apiStages", "prod,qa",
                "turnpike.usagePlans.gold.apiKeys", "alice,bob",
                "turnpike.usagePlans.gold.quota.limit", "-1",
                "turnpike.usagePlans.gold.quota.period", "DAY"));
        keys.putAll(Map.of(
                "turnpike.usagePlans.gold.throttle.rateLimit", "-2",
                "turnpike.usagePlans.gold.throttle.burstLimit", "10",
                "turnpike.usagePlans.silver.apiStages", "prod",
                "turnpike.usagePlans.silver.apiKeys", "alice",
                "turnpike.usagePlans.silver.quota.limit", "100",
                "turnpike.usagePlans.silver.quota.period", "YEAR",
                "turnpike.usagePlans.silver.throttle.rateLimit", "5",
                "turnpike.usagePlans.silver.throttle./pets/FETCH.rateLimit", "5"));
        keys.putAll(Map.of(
                "turnpike.usagePlans.bronze.apiKeys", "alice",
                "turnpike.usagePlans.bronze.quota.limit", "10",
                "turnpike.usagePlans.bronze.quota.period", "DAY",
                "turnpike.usagePlans.bronze.quota.offset", "1",
                "turnpike.usagePlans.tin.apiStages", "dev",
                "turnpike.usagePlans.tin.quota.period", "WEEK",
                "turnpike.usagePlans.tin.quota.limit", "10",
                "turnpike.usagePlans.tin.quota.offset", "7",
                "turnpike.usagePlans.tin.throttle./pets/GET.rateLimit", "5"));
        assertThatThrownBy(() -> Throttling.create(TurnpikeConfig.from(keys), "api1"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "turnpike.throttle.account.burstLimit: expected a whole number >= 0, got '-5'",
                        "turnpike.redis.failMode: expected open or closed, got 'sometimes'",
                        "turnpike.redis.timeoutMillis: expected a whole number >= 1, got '0'",
                        "turnpike.usagePlans.bronze.quota.offset: a DAY quota starts at 00:00 UTC; its offset can "
                                + "only be 0, got '1'",
                        "turnpike.usagePlans.bronze.apiStages: a usage plan needs the stages it applies to",
                        "turnpike.usagePlans.gold.throttle.rateLimit: expected a number >= 0, got '-2'",
                        "turnpike.usagePlans.gold.quota.limit: expected a whole number >= 0, got '-1'",
                        "turnpike.usagePlans.gold.apiStages: stage 'qa' is not served (dev,prod)",
                        "turnpike.usagePlans.gold.apiKeys: API key 'bob' has no turnpike.apiKeys.bob.value",
                        "turnpike.usagePlans.silver.throttle.burstLimit: a throttle needs both rateLimit and "
                                + "burstLimit",
                        "turnpike.usagePlans.silver.throttle./pets/FETCH.*: expected <resourcePath>/<METHOD>, e.g. "
                                + "/pets/{petId}/GET, got '/pets/FETCH'",
                        "turnpike.usagePlans.silver.quota.period: expected DAY, WEEK or MONTH, got 'YEAR'",
                        "turnpike.usagePlans.tin.throttle./pets/GET.burstLimit: a throttle needs both rateLimit and "
                                + "burstLimit",
                        "turnpike.usagePlans.tin.quota.offset: the day a WEEK starts, 0 to 6, got '7'"));
    }

    @Test
    void aKeyHasOnePlanPerStage() {
        assertThatThrownBy(() -> Throttling.create(TurnpikeConfig.from(Map.of(
                "turnpike.stages", "dev,prod",
                "turnpike.apiKeys.alice.value", "alice-key-0123456789",
                "turnpike.usagePlans.gold.apiStages", "dev,prod",
                "turnpike.usagePlans.gold.apiKeys", "alice",
                "turnpike.usagePlans.silver.apiStages", "prod",
                "turnpike.usagePlans.silver.apiKeys", "alice")), "api1"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "turnpike.usagePlans.silver.apiKeys: API key 'alice' is already in usage plan 'gold' for "
                                + "stage 'prod'; a key has one plan per stage"));
    }

    @Test
    void aRedisUriMustBeOne() {
        assertThatThrownBy(() -> Throttling.create(TurnpikeConfig.from(Map.of(
                "turnpike.redis.uri", "localhost:6379")), "api1"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "turnpike.redis.uri: expected redis://host:port or rediss://host:port, got 'localhost:6379'"));
    }

    @Test
    void thePlansAreReadAsWritten() {
        UsagePlans plans = UsagePlans.from(TurnpikeConfig.from(Map.of(
                "turnpike.apiKeys.alice.value", "alice-key-0123456789",
                "turnpike.usagePlans.gold.apiStages", "dev",
                "turnpike.usagePlans.gold.apiKeys", "alice",
                "turnpike.usagePlans.gold.throttle.rateLimit", "2.5",
                "turnpike.usagePlans.gold.throttle.burstLimit", "10",
                "turnpike.usagePlans.gold.throttle.~1pets/GET.rateLimit", "1",
                "turnpike.usagePlans.gold.throttle.~1pets/GET.burstLimit", "2",
                "turnpike.usagePlans.gold.quota.limit", "1000",
                "turnpike.usagePlans.gold.quota.period", "MONTH",
                "turnpike.usagePlans.gold.quota.offset", "3")));
        assertThat(plans.plans().get("gold")).isEqualTo(new UsagePlan("gold", new ThrottleLimit(2.5, 10),
                Map.of("/pets/GET", new ThrottleLimit(1, 2)), new Quota(1000, QuotaPeriod.MONTH, 3), List.of("dev"),
                List.of("alice")));
    }
}
