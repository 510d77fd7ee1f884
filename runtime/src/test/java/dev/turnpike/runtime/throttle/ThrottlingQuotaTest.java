package dev.turnpike.runtime.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.response.GatewayError;
import dev.turnpike.runtime.response.GatewayResponseType;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Usage plan quotas over calendar periods in UTC, in memory, on a clock the tests move. */
class ThrottlingQuotaTest {

    // A Wednesday.
    private final MutableClock clock = new MutableClock("2026-03-04T10:00:00Z");
    private Throttling throttling;

    @AfterEach
    void close() {
        if (throttling != null) {
            throttling.close();
        }
    }

    @Test
    void aDailyQuotaEndsAtMidnightUtc() {
        givenQuota("3", "DAY", null);
        assertThat(admitted(5)).isEqualTo(3);
        GatewayError refused = decide();
        assertThat(refused.type()).isEqualTo(GatewayResponseType.QUOTA_EXCEEDED);
        assertThat(refused.statusOrDefault()).isEqualTo(429);
        assertThat(refused.messageOrDefault()).isEqualTo("Limit Exceeded");
        assertThat(refused.detail()).isEqualTo("quota 3 per DAY used up (usage plan gold, API key alice)");
        assertThat(throttling.remainingQuota("gold", "alice").join()).isZero();
        clock.set("2026-03-04T23:59:59.999Z");
        assertThat(admitted(1)).isZero();
        clock.set("2026-03-05T00:00:00Z");
        assertThat(throttling.remainingQuota("gold", "alice").join()).isEqualTo(3);
        assertThat(admitted(5)).isEqualTo(3);
    }

    @Test
    void aWeekStartsOnSundayOrOffsetDaysLater() {
        givenQuota("2", "WEEK", null);
        assertThat(admitted(3)).isEqualTo(2);
        clock.set("2026-03-07T23:59:59Z"); // Saturday
        assertThat(admitted(1)).isZero();
        clock.set("2026-03-08T00:00:00Z"); // Sunday
        assertThat(admitted(3)).isEqualTo(2);

        Quota mondays = new Quota(2, QuotaPeriod.WEEK, 1);
        assertThat(start(mondays, "2026-03-08T12:00:00Z")).isEqualTo("2026-03-02T00:00:00Z");
        assertThat(start(mondays, "2026-03-09T00:00:00Z")).isEqualTo("2026-03-09T00:00:00Z");
        assertThat(Instant.ofEpochMilli(mondays.periodEnd(mondays.periodStart(millis("2026-03-09T00:00:00Z")))))
                .hasToString("2026-03-16T00:00:00Z");
    }

    @Test
    void aMonthStartsOnTheFirstOrOffsetDaysLater() {
        givenQuota("2", "MONTH", "14");
        assertThat(admitted(3)).isEqualTo(2);
        clock.set("2026-03-14T23:59:59Z");
        assertThat(admitted(1)).isZero();
        clock.set("2026-03-15T00:00:00Z");
        assertThat(admitted(3)).isEqualTo(2);

        Quota firsts = new Quota(1, QuotaPeriod.MONTH, 0);
        assertThat(start(firsts, "2026-02-28T23:00:00Z")).isEqualTo("2026-02-01T00:00:00Z");
        Quota the28ths = new Quota(1, QuotaPeriod.MONTH, 27);
        assertThat(start(the28ths, "2026-03-27T00:00:00Z")).isEqualTo("2026-02-28T00:00:00Z");
        assertThat(Instant.ofEpochMilli(the28ths.periodEnd(millis("2026-02-28T00:00:00Z"))))
                .hasToString("2026-03-28T00:00:00Z");
        assertThat(start(new Quota(1, QuotaPeriod.DAY, 0), "2026-01-01T00:00:00Z"))
                .isEqualTo("2026-01-01T00:00:00Z");
    }

    @Test
    void aThrottledRequestDoesNotCountAgainstTheQuota() {
        throttling = Throttling.create(TurnpikeConfig.from(Map.of(
                "turnpike.apiKeys.alice.value", "alice-key-0123456789",
                "turnpike.usagePlans.gold.apiStages", "dev",
                "turnpike.usagePlans.gold.apiKeys", "alice",
                "turnpike.usagePlans.gold.throttle.rateLimit", "1",
                "turnpike.usagePlans.gold.throttle.burstLimit", "2",
                "turnpike.usagePlans.gold.quota.limit", "100",
                "turnpike.usagePlans.gold.quota.period", "DAY")), "api1", clock);
        assertThat(admitted(10)).isEqualTo(2);
        assertThat(throttling.remainingQuota("gold", "alice").join()).isEqualTo(98);
    }

    @Test
    void theQuotaCountsAcrossThePlansStages() {
        throttling = Throttling.create(TurnpikeConfig.from(Map.of(
                "turnpike.stages", "dev,prod",
                "turnpike.apiKeys.alice.value", "alice-key-0123456789",
                "turnpike.usagePlans.gold.apiStages", "dev,prod",
                "turnpike.usagePlans.gold.apiKeys", "alice",
                "turnpike.usagePlans.gold.quota.limit", "3",
                "turnpike.usagePlans.gold.quota.period", "DAY")), "api1", clock);
        assertThat(admitted(2)).isEqualTo(2);
        assertThat(throttling.admit(new ThrottleRequest("prod", "/pets", "GET", "alice")).join()).isNull();
        assertThat(throttling.admit(new ThrottleRequest("prod", "/pets", "GET", "alice")).join().type())
                .isEqualTo(GatewayResponseType.QUOTA_EXCEEDED);
    }

    @Test
    void remainingQuotaNamesWhatItCannotAnswer() {
        givenQuota("3", "DAY", null);
        assertThatThrownBy(() -> throttling.remainingQuota("gold", "bob"))
                .hasMessage("usage plan 'gold' has no quota for API key 'bob'");
    }

    private void givenQuota(String limit, String period, String offset) {
        Map<String, String> keys = new HashMap<>(Map.of(
                "turnpike.apiKeys.alice.value", "alice-key-0123456789",
                "turnpike.usagePlans.gold.apiStages", "dev",
                "turnpike.usagePlans.gold.apiKeys", "alice",
                "turnpike.usagePlans.gold.quota.limit", limit,
                "turnpike.usagePlans.gold.quota.period", period));
        if (offset != null) {
            keys.put("turnpike.usagePlans.gold.quota.offset", offset);
        }
        throttling = Throttling.create(TurnpikeConfig.from(keys), "api1", clock);
    }

    private GatewayError decide() {
        return throttling.admit(new ThrottleRequest("dev", "/pets", "GET", "alice")).join();
    }

    private int admitted(int requests) {
        int admitted = 0;
        for (int i = 0; i < requests; i++) {
            if (decide() == null) {
                admitted++;
            }
        }
        return admitted;
    }

    private static String start(Quota quota, String at) {
        return Instant.ofEpochMilli(quota.periodStart(millis(at))).toString();
    }

    private static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }
}
