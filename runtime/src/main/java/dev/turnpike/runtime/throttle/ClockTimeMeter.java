package dev.turnpike.runtime.throttle;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;

/**
 * Bucket4j's time read from a {@link Clock}, so buckets and quota periods follow one clock that tests can move.
 * Millisecond precision, as Bucket4j's own default; {@code Clock.systemUTC().millis()} allocates nothing.
 */
record ClockTimeMeter(Clock clock) implements TimeMeter {

    @Override
    public long currentTimeNanos() {
        return clock.millis() * 1_000_000L;
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}
