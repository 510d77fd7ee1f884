package dev.turnpike.runtime.throttle;

import dev.turnpike.runtime.response.GatewayError;
import dev.turnpike.runtime.response.GatewayResponseType;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Buckets and quotas on Redis, shared by every node of the gateway: Bucket4j's compare-and-swap buckets through
 * Lettuce, and quota counts as one atomic script per request. Keys are {@code turnpike:<apiId>:...}.
 *
 * <p>Redis not answering is an outage, not a per-request event: one warning when it starts, one line when it ends.
 * Lettuce reconnects by itself; while disconnected it rejects commands at once rather than queueing them.
 */
final class RedisStore implements LimiterStore {

    private static final System.Logger LOG = System.getLogger(RedisStore.class.getName());
    /** Idle buckets leave Redis this long after they would be full again. */
    private static final Duration KEEP_FULL_BUCKETS = Duration.ofSeconds(10);
    /** Bounds the commands queued on a slow connection (a down one rejects at once). */
    private static final int REQUEST_QUEUE_SIZE = 10_000;
    /** CAS attempts per bucket decision under contention; the decision itself is bounded by the timeout. */
    private static final int MAX_CAS_RETRIES = 20;

    private final ClientResources resources;
    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final AsyncProxyManager<String> buckets;
    private final String keyPrefix;
    private final String address;
    private final Clock clock;
    private final long timeoutMillis;
    private final GatewayError unavailable;
    private final boolean failOpen;
    private final AtomicBoolean down = new AtomicBoolean();

    private RedisStore(ClientResources resources, RedisClient client, StatefulRedisConnection<String, byte[]> connection,
            ThrottleSettings settings, String apiId, String address, Clock clock) {
        this.resources = resources;
        this.client = client;
        this.connection = connection;
        this.keyPrefix = "turnpike:" + apiId + ":";
        this.address = address;
        this.clock = clock;
        this.timeoutMillis = settings.timeoutMillis();
        this.failOpen = settings.failOpen();
        this.unavailable = GatewayError.of(GatewayResponseType.DEFAULT_5XX,
                "throttling store Redis at " + address + " unavailable (turnpike.redis.failMode=closed)");
        this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .clientClock(new ClockTimeMeter(clock))
                .requestTimeout(Duration.ofMillis(settings.timeoutMillis()))
                .maxRetries(MAX_CAS_RETRIES)
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_FULL_BUCKETS))
                .build()
                .asAsync();
    }

    /** Connects to {@code settings.redisUri()}; fails start if Redis does not answer now. */
    static RedisStore connect(ThrottleSettings settings, String apiId, Clock clock) {
        RedisURI uri = RedisURI.create(settings.redisUri());
        Duration timeout = Duration.ofMillis(settings.timeoutMillis());
        // Reconnect quickly after an outage: Lettuce's default backs off to 30 s.
        ClientResources resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(1), 2,
                        TimeUnit.MILLISECONDS))
                .build();
        RedisClient client = RedisClient.create(resources);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .requestQueueSize(REQUEST_QUEUE_SIZE)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(2)).build())
                .build());
        String address = uri.getHost() + ":" + uri.getPort();
        try {
            StatefulRedisConnection<String, byte[]> connection =
                    client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE), uri);
            return new RedisStore(resources, client, connection, settings, apiId, address, clock);
        } catch (RuntimeException e) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            resources.shutdown(0, 2, TimeUnit.SECONDS);
            throw new IllegalStateException("turnpike.redis.uri: cannot connect to Redis at " + address, e);
        }
    }

    @Override
    public Limiter bucket(String id, ThrottleLimit limit, GatewayError refusal) {
        // The limit is part of the key: a redeployment with other limits starts new, full buckets.
        String key = keyPrefix + "bucket:" + id + ":" + limit.rateLimit() + ":" + limit.burstLimit();
        CompletableFuture<BucketConfiguration> configuration =
                CompletableFuture.completedFuture(TokenBuckets.configuration(limit));
        AsyncBucketProxy bucket = buckets.builder()
                .withOptimization(Optimizations.batching()) // concurrent tries on one node share one CAS
                .build(key, () -> configuration);
        return new RedisBucket(bucket, refusal);
    }

    @Override
    public QuotaLimiter quota(String id, Quota quota, GatewayError refusal) {
        return new RedisQuota(connection.async(), keyPrefix + "quota:" + id + ":", quota, clock, refusal);
    }

    @Override
    public long timeoutMillis() {
        return timeoutMillis;
    }

    @Override
    public GatewayError whenUnavailable(Throwable cause) {
        if (down.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.WARNING, "Redis at " + address + " does not answer; "
                    + (failOpen ? "admitting requests without throttling" : "refusing requests with 500")
                    + " until it does (turnpike.redis.failMode=" + (failOpen ? "open" : "closed") + "): " + cause);
        }
        return failOpen ? null : unavailable;
    }

    @Override
    public void answered() {
        if (down.get() && down.compareAndSet(true, false)) {
            LOG.log(System.Logger.Level.INFO, "Redis at " + address + " answers again; throttling resumed");
        }
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
