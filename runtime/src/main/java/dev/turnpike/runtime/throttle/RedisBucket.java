package dev.turnpike.runtime.throttle;

import dev.turnpike.runtime.response.GatewayError;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import java.util.concurrent.CompletableFuture;

/** A token bucket kept in Redis by Bucket4j, reached through the node's one connection once there is one. */
final class RedisBucket extends Limiter {

    private final RedisConnection redis;
    private final String key;
    private final CompletableFuture<BucketConfiguration> configuration;
    private volatile AsyncBucketProxy bucket;

    RedisBucket(RedisConnection redis, String key, BucketConfiguration configuration, GatewayError refusal) {
        super(refusal);
        this.redis = redis;
        this.key = key;
        this.configuration = CompletableFuture.completedFuture(configuration);
    }

    @Override
    CompletableFuture<Boolean> tryTake() {
        AsyncBucketProxy proxy = proxy();
        return proxy == null ? RedisConnection.NOT_CONNECTED : proxy.tryConsume(1);
    }

    @Override
    void giveBack() {
        AsyncBucketProxy proxy = proxy();
        if (proxy != null) {
            // Not awaited: if Redis fails now, the bucket is one token short until it refills.
            proxy.addTokens(1);
        }
    }

    private AsyncBucketProxy proxy() {
        AsyncBucketProxy known = bucket;
        if (known == null) {
            AsyncProxyManager<String> buckets = redis.buckets();
            if (buckets == null) {
                return null;
            }
            // Threads racing here each make an equal proxy; one is kept.
            known = buckets.builder()
                    .withOptimization(Optimizations.batching()) // concurrent tries on one node share one CAS
                    .build(key, () -> configuration);
            bucket = known;
        }
        return known;
    }
}
