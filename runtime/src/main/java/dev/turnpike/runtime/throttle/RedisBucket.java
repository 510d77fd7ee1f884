package dev.turnpike.runtime.throttle;

import dev.turnpike.runtime.response.GatewayError;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import java.util.concurrent.CompletableFuture;

/** A token bucket kept in Redis by Bucket4j. */
final class RedisBucket extends Limiter {

    private final AsyncBucketProxy bucket;

    RedisBucket(AsyncBucketProxy bucket, GatewayError refusal) {
        super(refusal);
        this.bucket = bucket;
    }

    @Override
    CompletableFuture<Boolean> tryTake() {
        return bucket.tryConsume(1);
    }

    @Override
    void giveBack() {
        // Not awaited: if Redis fails now, the bucket is one token short until it refills.
        bucket.addTokens(1);
    }
}
