package dev.turnpike.runtime.throttle;

import dev.turnpike.runtime.config.ConfigException;
import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.response.GatewayError;
import dev.turnpike.runtime.response.GatewayResponseType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Token buckets by name, in the same store REST throttling uses (memory, or Redis with {@code turnpike.redis.uri}):
 * for WebSocket routes, whose limits are per route key rather than per resource and method.
 */
public final class RouteBuckets implements AutoCloseable {

    private static final GatewayError REFUSAL = GatewayError.of(GatewayResponseType.THROTTLED);

    private final LimiterStore store;
    private final Map<String, Limiter> buckets = new ConcurrentHashMap<>();

    private RouteBuckets(LimiterStore store) {
        this.store = store;
    }

    /**
     * Buckets in memory, or on Redis when {@code turnpike.redis.uri} is set (keys {@code turnpike:<apiId>:...}).
     *
     * @throws ConfigException naming every bad throttling key
     */
    public static RouteBuckets create(TurnpikeConfig config, String apiId) {
        List<String> problems = new ArrayList<>();
        ThrottleSettings settings = ThrottleSettings.read(config.values(), problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        Clock clock = Clock.systemUTC();
        return new RouteBuckets(settings.redisUri() == null ? new LocalStore(clock)
                : RedisStore.open(settings, apiId, clock));
    }

    /**
     * Takes a token from bucket {@code id} (made full with {@code limit} on first use): completes {@code true} when
     * there was one. While the store does not answer, decides by {@code turnpike.redis.failMode}.
     */
    public CompletableFuture<Boolean> tryTake(String id, ThrottleLimit limit) {
        Limiter bucket = buckets.computeIfAbsent(id, key -> limit.admitsNothing()
                ? Limiter.refusingAll(REFUSAL) : store.bucket(key, limit, REFUSAL));
        CompletableFuture<Boolean> decision = bucket.tryTake();
        if (!decision.isDone()) {
            decision = decision.copy().orTimeout(store.timeoutMillis(), TimeUnit.MILLISECONDS);
        }
        return decision.handle((taken, failure) -> {
            if (failure == null) {
                store.answered();
                return taken;
            }
            return store.whenUnavailable(failure) == null;
        });
    }

    @Override
    public void close() {
        store.close();
    }
}
