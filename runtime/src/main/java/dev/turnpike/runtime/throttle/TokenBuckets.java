package dev.turnpike.runtime.throttle;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;

/** API Gateway's token bucket as Bucket4j's: capacity = burst, greedy (continuous) refill at the rate. */
final class TokenBuckets {

    private TokenBuckets() {
    }

    static BucketConfiguration configuration(ThrottleLimit limit) {
        return BucketConfiguration.builder().addLimit(bandwidth(limit)).build();
    }

    static Bandwidth bandwidth(ThrottleLimit limit) {
        double rate = limit.rateLimit();
        // Bucket4j refills whole tokens per period; a fractional rate (5.5/s) is the same greedy rate per 1000 s.
        boolean whole = rate == Math.rint(rate);
        long tokens = whole ? (long) rate : Math.max(1, Math.round(rate * 1000));
        Duration period = whole ? Duration.ofSeconds(1) : Duration.ofSeconds(1000);
        return Bandwidth.builder().capacity(limit.burstLimit()).refillGreedy(tokens, period).build();
    }
}
