package dev.turnpike.runtime.throttle;

import dev.turnpike.runtime.response.GatewayError;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.local.LocalBucket;
import io.github.bucket4j.local.SynchronizationStrategy;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/** Buckets and quotas in this process's memory (Bucket4j local buckets): the default, for one node. */
final class LocalStore implements LimiterStore {

    private final Clock clock;
    private final ClockTimeMeter timeMeter;

    LocalStore(Clock clock) {
        this.clock = clock;
        this.timeMeter = new ClockTimeMeter(clock);
    }

    @Override
    public Limiter bucket(String id, ThrottleLimit limit, GatewayError refusal) {
        // SYNCHRONIZED rather than Bucket4j's default LOCK_FREE: lock-free copies the bucket state on every try.
        LocalBucket bucket = Bucket.builder().addLimit(TokenBuckets.bandwidth(limit))
                .withCustomTimePrecision(timeMeter)
                .withSynchronizationStrategy(SynchronizationStrategy.SYNCHRONIZED)
                .build();
        return new Limiter(refusal) {
            @Override
            CompletableFuture<Boolean> tryTake() {
                return bucket.tryConsume(1) ? TAKEN : REFUSED;
            }

            @Override
            void giveBack() {
                bucket.addTokens(1);
            }
        };
    }

    @Override
    public QuotaLimiter quota(String id, Quota quota, GatewayError refusal) {
        return new LocalQuota(quota, clock, refusal);
    }

    @Override
    public long timeoutMillis() {
        return Long.MAX_VALUE; // memory always answers at once
    }

    @Override
    public GatewayError whenUnavailable(Throwable cause) {
        throw new IllegalStateException("memory is always available", cause);
    }

    @Override
    public void answered() {
        // never unavailable
    }

    @Override
    public void close() {
        // nothing held outside the heap
    }

    /** One key's count in the current period; a new period starts from 0. */
    private static final class LocalQuota extends QuotaLimiter {
        private final Quota quota;
        private final Clock clock;
        private long periodStart = Long.MAX_VALUE;
        private long periodEnd = Long.MIN_VALUE;
        private long used;

        LocalQuota(Quota quota, Clock clock, GatewayError refusal) {
            super(refusal);
            this.quota = quota;
            this.clock = clock;
        }

        @Override
        synchronized CompletableFuture<Boolean> tryTake() {
            enterPeriodOf(clock.millis());
            if (used >= quota.limit()) {
                return REFUSED;
            }
            used++;
            return TAKEN;
        }

        @Override
        synchronized void giveBack() {
            if (used > 0) {
                used--;
            }
        }

        @Override
        synchronized CompletableFuture<Long> remaining() {
            enterPeriodOf(clock.millis());
            return CompletableFuture.completedFuture(quota.limit() - used);
        }

        private void enterPeriodOf(long now) {
            if (now < periodStart || now >= periodEnd) {
                periodStart = quota.periodStart(now);
                periodEnd = quota.periodEnd(periodStart);
                used = 0;
            }
        }
    }
}
