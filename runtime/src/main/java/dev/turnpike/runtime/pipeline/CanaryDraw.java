package dev.turnpike.runtime.pipeline;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether a request on a stage with a canary goes to it: drawn per request with the canary's probability, as AWS
 * does. With {@code turnpike.canary.seed} the draws are a fixed sequence (SplitMix64 from the seed), so a test
 * that sends requests one after another sees the same canary requests on every run.
 */
final class CanaryDraw {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    /** The next draw's state; {@code null} draws from the thread's own generator. */
    private final AtomicLong seeded;

    private CanaryDraw(AtomicLong seeded) {
        this.seeded = seeded;
    }

    static CanaryDraw random() {
        return new CanaryDraw(null);
    }

    static CanaryDraw seeded(long seed) {
        return new CanaryDraw(new AtomicLong(seed));
    }

    /** {@code turnpike.canary.seed} when set (its shape was checked), else random. */
    static CanaryDraw fromConfig(Map<String, String> values) {
        String seed = values.get("turnpike.canary.seed");
        return seed == null ? random() : seeded(Long.parseLong(seed.trim()));
    }

    /** {@code true} with probability {@code percentTraffic} / 100. */
    boolean toCanary(double percentTraffic) {
        return uniform() * 100 < percentTraffic;
    }

    /** A double in [0, 1). */
    private double uniform() {
        if (seeded == null) {
            return ThreadLocalRandom.current().nextDouble();
        }
        long z = seeded.addAndGet(GOLDEN_GAMMA);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }
}
