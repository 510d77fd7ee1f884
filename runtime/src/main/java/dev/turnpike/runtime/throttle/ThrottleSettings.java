package dev.turnpike.runtime.throttle;

import io.lettuce.core.RedisURI;
import java.util.List;
import java.util.Map;

/**
 * Throttling's own keys: the account-level bucket and where buckets live.
 *
 * @param account {@code turnpike.throttle.account.rateLimit|burstLimit}, AWS's 10,000/s and 5,000 by default
 * @param redisUri {@code turnpike.redis.uri}; {@code null} keeps buckets in memory
 * @param failOpen {@code turnpike.redis.failMode}: {@code open} (default) admits while Redis does not answer,
 *     {@code closed} refuses with a 500
 * @param timeoutMillis {@code turnpike.redis.timeoutMillis}: how long a decision waits for Redis (default 100)
 */
record ThrottleSettings(ThrottleLimit account, String redisUri, boolean failOpen, long timeoutMillis) {

    static final long DEFAULT_TIMEOUT_MILLIS = 100;

    private static final String LETTUCE = "io.lettuce:lettuce-core";
    private static final String BUCKET4J_LETTUCE = "com.bucket4j:bucket4j_jdk17-lettuce";

    /** The settings in {@code values}; adds to {@code problems} what is wrong, each naming its key. */
    static ThrottleSettings read(Map<String, String> values, List<String> problems) {
        ThrottleLimit account = ThrottleLimit.ACCOUNT_DEFAULT;
        String rate = values.get("turnpike.throttle.account.rateLimit");
        String burst = values.get("turnpike.throttle.account.burstLimit");
        double rateLimit = rate == null ? account.rateLimit() : Double.parseDouble(rate); // shapes: ConfigKeys
        long burstLimit = burst == null ? account.burstLimit() : Long.parseLong(burst);
        if (!(rateLimit >= 0) || Double.isInfinite(rateLimit)) {
            problems.add("turnpike.throttle.account.rateLimit: expected a number >= 0, got '" + rate + "'");
        } else if (burstLimit < 0) {
            problems.add("turnpike.throttle.account.burstLimit: expected a whole number >= 0, got '" + burst + "'");
        } else {
            account = new ThrottleLimit(rateLimit, burstLimit);
        }

        String uri = values.get("turnpike.redis.uri");
        String missing = uri == null ? null : missingRedisArtifact();
        if (missing != null) {
            problems.add("turnpike.redis.uri: keeping buckets on Redis needs " + LETTUCE + " and " + BUCKET4J_LETTUCE
                    + " on the class path (optional dependencies of turnpike-runtime); " + missing + " is missing");
        } else if (uri != null && !uri.startsWith("redis://") && !uri.startsWith("rediss://")) {
            problems.add("turnpike.redis.uri: expected redis://host:port or rediss://host:port, got '" + uri + "'");
        } else if (uri != null) {
            try {
                RedisURI.create(uri);
            } catch (IllegalArgumentException e) {
                problems.add("turnpike.redis.uri: " + e.getMessage() + ": '" + uri + "'");
            }
        }
        String failMode = values.getOrDefault("turnpike.redis.failMode", "open");
        if (!failMode.equals("open") && !failMode.equals("closed")) {
            problems.add("turnpike.redis.failMode: expected open or closed, got '" + failMode + "'");
        }
        String timeout = values.get("turnpike.redis.timeoutMillis");
        long timeoutMillis = timeout == null ? DEFAULT_TIMEOUT_MILLIS : Long.parseLong(timeout);
        if (timeoutMillis < 1) {
            problems.add("turnpike.redis.timeoutMillis: expected a whole number >= 1, got '" + timeout + "'");
        }
        return new ThrottleSettings(account, uri, !failMode.equals("closed"), timeoutMillis);
    }

    /**
     * The Redis artifact absent from the class path, or {@code null} if both are there. Asked by name, without
     * initializing anything, because the classes that use them must not load before this says they can.
     */
    private static String missingRedisArtifact() {
        if (!loadable("io.lettuce.core.RedisClient")) {
            return LETTUCE;
        }
        return loadable("io.github.bucket4j.redis.lettuce.Bucket4jLettuce") ? null : BUCKET4J_LETTUCE;
    }

    private static boolean loadable(String className) {
        try {
            Class.forName(className, false, ThrottleSettings.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
