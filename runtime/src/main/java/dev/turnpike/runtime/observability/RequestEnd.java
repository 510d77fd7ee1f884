package dev.turnpike.runtime.observability;

import dev.turnpike.runtime.pipeline.Exchange;

/**
 * A request as it ends: the exchange and what was sent back, for metrics, the access log and the execution log.
 *
 * @param status the status sent to the client
 * @param responseLength the body's length from {@code Content-Length}; {@code -1} when the body was streamed
 *     without one
 * @param endNanos {@link System#nanoTime()} when the response was handed to the container
 */
public record RequestEnd(Exchange exchange, int status, long responseLength, long endNanos) {

    /** {@code $context.responseLatency} and the {@code Latency} metric, in nanoseconds. */
    public long latencyNanos() {
        return endNanos - exchange.startNanos();
    }
}
