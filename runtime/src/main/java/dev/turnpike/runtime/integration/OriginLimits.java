package dev.turnpike.runtime.integration;

import dev.turnpike.runtime.config.ConfigException;
import dev.turnpike.runtime.config.TurnpikeConfig;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * At most {@code turnpike.backend.maxConnectionsPerOrigin} requests in flight to one backend origin (scheme, host,
 * port), so a slow backend cannot make the gateway open a connection (and, on small machines, a backend thread) per
 * client request. A request beyond the bound waits, without a thread, for one in flight to finish; it waits no
 * longer than its integration timeout, and a request that got no turn within it is AWS's 504 {@code Endpoint request
 * timed out}, as if the backend had been slow. Origins with nothing in flight are forgotten, so origins built from
 * stage variables or requests do not accumulate.
 */
final class OriginLimits {

    static final String KEY = "turnpike.backend.maxConnectionsPerOrigin";
    /** As Jetty's HTTP client per destination: above a container's usual worker pool share, below a pile-up. */
    static final int DEFAULT_MAX_PER_ORIGIN = 64;

    private static final CompletableFuture<Void> NOW = CompletableFuture.completedFuture(null);

    /** A request that found every connection to its origin busy for its whole integration timeout. */
    static final class Saturated extends HttpTimeoutException {
        private static final long serialVersionUID = 1L;

        Saturated(String origin, int max, Duration waited) {
            super("all " + max + " requests allowed in flight to " + origin + " (" + KEY + ") were still running after "
                    + waited.toMillis() + " ms");
        }
    }

    /** One request's turn at its origin: release it once, when its response is complete or failed. */
    interface Permit {
        void release();
    }

    private final int maxPerOrigin;
    private final ConcurrentHashMap<String, Gate> gates = new ConcurrentHashMap<>();

    OriginLimits(int maxPerOrigin) {
        if (maxPerOrigin < 1) {
            throw new IllegalArgumentException("maxPerOrigin < 1: " + maxPerOrigin);
        }
        this.maxPerOrigin = maxPerOrigin;
    }

    /** The bound of {@value #KEY}, {@value #DEFAULT_MAX_PER_ORIGIN} by default; a value below 1 fails start. */
    static OriginLimits from(TurnpikeConfig config) {
        String value = config.values().get(KEY);
        if (value == null) {
            return new OriginLimits(DEFAULT_MAX_PER_ORIGIN);
        }
        long max = Long.parseLong(value); // the configuration checked it is a whole number
        if (max < 1 || max > Integer.MAX_VALUE) {
            throw new ConfigException(List.of(KEY + ": expected a whole number >= 1, got '" + value + "'"));
        }
        return new OriginLimits((int) max);
    }

    int maxPerOrigin() {
        return maxPerOrigin;
    }

    /**
     * A turn for a request to {@code uri}: at once if fewer than the bound are in flight to its origin, else when
     * one of them finishes; fails with {@link Saturated} after {@code wait}.
     */
    CompletableFuture<Permit> acquire(URI uri, Duration wait) {
        String origin = origin(uri);
        while (true) {
            Gate gate = gates.computeIfAbsent(origin, Gate::new);
            CompletableFuture<Void> turn = gate.enter();
            if (turn == null) {
                continue; // the gate was just forgotten: take the origin's new one
            }
            if (turn == NOW) {
                return CompletableFuture.completedFuture(gate);
            }
            return turn.orTimeout(wait.toNanos(), TimeUnit.NANOSECONDS).handle((ignored, failure) -> {
                if (failure == null) {
                    return gate;
                }
                gate.forget(turn);
                throw new java.util.concurrent.CompletionException(failure instanceof TimeoutException
                        ? new Saturated(origin, maxPerOrigin, wait) : failure);
            });
        }
    }

    /** How many requests are in flight to {@code uri}'s origin now (for tests and diagnostics). */
    int inFlight(URI uri) {
        Gate gate = gates.get(origin(uri));
        return gate == null ? 0 : gate.inFlight();
    }

    static String origin(URI uri) {
        String scheme = uri.getScheme() == null ? "http" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + ":" + port;
    }

    /** The requests in flight to one origin and those waiting for a turn, oldest first. */
    private final class Gate implements Permit {
        private final String origin;
        private final ArrayDeque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
        private int inFlight;
        private boolean forgotten;

        Gate(String origin) {
            this.origin = origin;
        }

        /** {@link #NOW}, a turn to wait for, or {@code null} if this gate is no longer the origin's. */
        synchronized CompletableFuture<Void> enter() {
            if (forgotten) {
                return null;
            }
            if (inFlight < maxPerOrigin) {
                inFlight++;
                return NOW;
            }
            CompletableFuture<Void> turn = new CompletableFuture<>();
            waiting.add(turn);
            return turn;
        }

        /** Hands the finished request's place to the oldest waiter still waiting, or frees it. */
        @Override
        public void release() {
            CompletableFuture<Void> next;
            synchronized (this) {
                do {
                    next = waiting.poll();
                } while (next != null && next.isDone());
                if (next == null) {
                    inFlight--;
                    if (inFlight == 0) {
                        forgotten = true;
                        gates.remove(origin, this);
                    }
                    return;
                }
            }
            // Outside the lock: completing runs the waiter's send. A waiter whose wait just ran out passes it on.
            if (!next.complete(null)) {
                release();
            }
        }

        synchronized void forget(CompletableFuture<Void> turn) {
            waiting.remove(turn);
        }

        synchronized int inFlight() {
            return inFlight;
        }
    }
}
