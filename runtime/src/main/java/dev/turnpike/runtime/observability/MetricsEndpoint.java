package dev.turnpike.runtime.observability;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Prometheus scrape endpoint: {@code turnpike.metrics.prometheus.path}, answered only to a client that sends
 * {@code Authorization: Bearer <turnpike.metrics.prometheus.token>}. Container-neutral: the servlet filter asks
 * {@link #answer} and writes what it says.
 */
public final class MetricsEndpoint {

    /** The text exposition format Prometheus scrapes. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final String path;
    private final byte[] token;
    private final Supplier<String> scrape;

    MetricsEndpoint(String path, String token, Supplier<String> scrape) {
        this.path = path;
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.scrape = scrape;
    }

    /** What to send back: status, headers and body. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {
    }

    /** The path below the application's context path, e.g. {@code /_turnpike/metrics}. */
    public String path() {
        return path;
    }

    /**
     * The scrape for a client that sent {@code authorization} (the header's value, or {@code null}): 401 without a
     * bearer token, 403 with a wrong one, else 200 with the metrics.
     */
    public Answer answer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new Answer(401, Map.of("WWW-Authenticate", "Bearer realm=\"turnpike-metrics\"",
                    "Content-Type", "text/plain; charset=utf-8"),
                    "metrics need Authorization: Bearer <token>\n".getBytes(StandardCharsets.UTF_8));
        }
        byte[] sent = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(sent, token)) { // constant time: the token is a secret
            return new Answer(403, Map.of("Content-Type", "text/plain; charset=utf-8"),
                    "wrong metrics token\n".getBytes(StandardCharsets.UTF_8));
        }
        return new Answer(200, Map.of("Content-Type", CONTENT_TYPE, "Cache-Control", "no-store"),
                scrape.get().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "MetricsEndpoint[" + path + "]";
    }
}
