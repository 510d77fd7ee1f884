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
        if (uri != null && !uri.startsWith("redis://") && !uri.startsWith("rediss://")) {
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
}
