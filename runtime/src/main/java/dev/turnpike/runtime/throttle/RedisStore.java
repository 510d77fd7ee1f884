package dev.turnpike.runtime.throttle;

import dev.turnpike.runtime.response.GatewayError;
import dev.turnpike.runtime.response.GatewayResponseType;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Buckets and quotas on Redis, shared by every node of the gateway: Bucket4j's compare-and-swap buckets through
 * Lettuce, and quota counts as one atomic script per request. Keys are {@code turnpike:<apiId>:...}.
 *
 * <p>Redis not answering is an outage, not a per-request event: one warning when it starts, one line when it ends.
 */
final class RedisStore implements LimiterStore {

    private static final System.Logger LOG = System.getLogger(RedisStore.class.getName());

    private final RedisConnection redis;
    private final String keyPrefix;
    private final Clock clock;
    private final long timeoutMillis;
    private final boolean failOpen;
    private final GatewayError unavailable;
    private final AtomicBoolean down = new AtomicBoolean();

    private RedisStore(RedisConnection redis, ThrottleSettings settings, String apiId, Clock clock) {
        this.redis = redis;
        this.keyPrefix = "turnpike:" + apiId + ":";
        this.clock = clock;
        this.timeoutMillis = settings.timeoutMillis();
        this.failOpen = settings.failOpen();
        this.unavailable = GatewayError.of(GatewayResponseType.DEFAULT_5XX,
                "throttling store Redis at " + redis.address() + " unavailable (turnpike.redis.failMode=closed)");
    }

    /** The store on {@code settings.redisUri()}; starts even if Redis does not answer yet. */
    static RedisStore open(ThrottleSettings settings, String apiId, Clock clock) {
        RedisConnection redis = RedisConnection.open(settings.redisUri(),
                Duration.ofMillis(settings.timeoutMillis()), clock);
        return new RedisStore(redis, settings, apiId, clock);
    }

    @Override
    public Limiter bucket(String id, ThrottleLimit limit, GatewayError refusal) {
        // The limit is part of the key: a redeployment with other limits starts new, full buckets.
        String key = keyPrefix + "bucket:" + id + ":" + limit.rateLimit() + ":" + limit.burstLimit();
        return new RedisBucket(redis, key, TokenBuckets.configuration(limit), refusal);
    }

    @Override
    public QuotaLimiter quota(String id, Quota quota, GatewayError refusal) {
        return new RedisQuota(redis, keyPrefix + "quota:" + id + ":", quota, clock, refusal);
    }

    @Override
    public long timeoutMillis() {
        return timeoutMillis;
    }

    @Override
    public GatewayError whenUnavailable(Throwable cause) {
        if (down.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.WARNING, "Redis at " + redis.address() + " does not answer; "
                    + (failOpen ? "admitting requests without throttling" : "refusing requests with 500")
                    + " until it does (turnpike.redis.failMode=" + (failOpen ? "open" : "closed") + "): " + cause);
        }
        return failOpen ? null : unavailable;
    }

    @Override
    public void answered() {
        if (down.get() && down.compareAndSet(true, false)) {
            LOG.log(System.Logger.Level.INFO, "Redis at " + redis.address() + " answers again; throttling resumed");
        }
    }

    @Override
    public void close() {
        redis.close();
    }
}
