package dev.turnpike.benchmarks;

import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.response.GatewayError;
import dev.turnpike.runtime.throttle.ThrottleRequest;
import dev.turnpike.runtime.throttle.Throttling;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One throttling decision: in memory (account and method buckets; with an API key also the plan's bucket and
 * quota; and a refusal), and on Redis (the same keyed decision as one round trip) when
 * {@code -Dturnpike.bench.redisUri=redis://127.0.0.1:<port>} names a running Redis. Limits are high enough that
 * the admitting benchmarks never run dry.
 *
 * <p>In memory only: {@code java -jar target/benchmarks.jar ThrottlingBenchmark -e onRedis -prof gc}; with Redis
 * (forks inherit the property): {@code java -Dturnpike.bench.redisUri=... -jar target/benchmarks.jar
 * ThrottlingBenchmark -prof gc}. The smoke run leaves {@link #onRedisWithKeyPlanAndQuota} out without the property.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ThrottlingBenchmark {

    private static final ThrottleRequest ANONYMOUS = new ThrottleRequest("dev", "/pets/{petId}", "GET", null);
    private static final ThrottleRequest KEYED = new ThrottleRequest("dev", "/pets/{petId}", "GET", "alice");
    private static final ThrottleRequest BLOCKED = new ThrottleRequest("dev", "/pets", "DELETE", null);

    private Throttling inMemory;

    @Setup
    public void start() {
        inMemory = Throttling.create(TurnpikeConfig.from(limits()), "bench");
    }

    @TearDown
    public void stop() {
        inMemory.close();
    }

    @Benchmark
    public GatewayError inMemoryWithoutKey() {
        return inMemory.admit(ANONYMOUS).join();
    }

    @Benchmark
    public GatewayError inMemoryWithKeyPlanAndQuota() {
        return inMemory.admit(KEYED).join();
    }

    @Benchmark
    public GatewayError inMemoryRefused() {
        return inMemory.admit(BLOCKED).join();
    }

    /** Names the Redis of {@link #onRedisWithKeyPlanAndQuota}; without it, that benchmark cannot run. */
    public static final String REDIS_URI_PROPERTY = "turnpike.bench.redisUri";

    /** The keyed decision on Redis: one round trip for the account, method and plan buckets and the quota. */
    @State(Scope.Benchmark)
    public static class OnRedis {
        Throttling redis;

        @Setup
        public void connect() {
            String uri = System.getProperty(REDIS_URI_PROPERTY);
            if (uri == null) {
                throw new IllegalStateException("set -D" + REDIS_URI_PROPERTY + "=redis://127.0.0.1:<port>, or leave"
                        + " this benchmark out: -e onRedis");
            }
            Map<String, String> keys = limits();
            keys.put("turnpike.redis.uri", uri);
            keys.put("turnpike.redis.timeoutMillis", "1000");
            redis = Throttling.create(TurnpikeConfig.from(keys), "bench" + System.nanoTime());
        }

        @TearDown
        public void close() {
            redis.close();
        }
    }

    @Benchmark
    public GatewayError onRedisWithKeyPlanAndQuota(OnRedis state) {
        return state.redis.admit(KEYED).join();
    }

    private static Map<String, String> limits() {
        Map<String, String> keys = new HashMap<>();
        keys.put("turnpike.throttle.account.rateLimit", "1000000000");
        keys.put("turnpike.throttle.account.burstLimit", "1000000000");
        keys.put("turnpike.stage.dev.methodSettings.*/*.throttlingRateLimit", "1000000000");
        keys.put("turnpike.stage.dev.methodSettings.*/*.throttlingBurstLimit", "1000000000");
        keys.put("turnpike.stage.dev.methodSettings./pets/DELETE.throttlingRateLimit", "0");
        keys.put("turnpike.apiKeys.alice.value", "alice-key-0123456789");
        keys.put("turnpike.usagePlans.gold.apiStages", "dev");
        keys.put("turnpike.usagePlans.gold.apiKeys", "alice");
        keys.put("turnpike.usagePlans.gold.throttle.rateLimit", "1000000000");
        keys.put("turnpike.usagePlans.gold.throttle.burstLimit", "1000000000");
        keys.put("turnpike.usagePlans.gold.quota.limit", "1000000000000");
        keys.put("turnpike.usagePlans.gold.quota.period", "DAY");
        return keys;
    }
}
