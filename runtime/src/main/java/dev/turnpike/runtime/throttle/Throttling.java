package dev.turnpike.runtime.throttle;

import dev.turnpike.runtime.config.ConfigException;
import dev.turnpike.runtime.config.StageSettings;
import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.response.GatewayError;
import dev.turnpike.runtime.response.GatewayResponseType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * API Gateway's throttling and usage plan quotas for one API: token buckets at account, method and usage plan
 * level, and per-key quotas, kept in memory or, with {@code turnpike.redis.uri}, in Redis shared by every node.
 *
 * <p>A request is admitted when every bucket that applies has a token; the most restrictive decides. A refused
 * request takes no token from the other buckets and does not count against the quota.
 *
 * <p>Made once at start; {@link #close()} on undeploy releases the Redis connection and its threads.
 */
public final class Throttling implements AutoCloseable {

    private volatile UsagePlans usagePlans;
    private volatile LimiterTable table;
    private final LimiterStore store;

    private Throttling(UsagePlans usagePlans, LimiterTable table, LimiterStore store) {
        this.usagePlans = usagePlans;
        this.table = table;
        this.store = store;
    }

    /** {@link #create(TurnpikeConfig, String, Clock)} on the system clock. */
    public static Throttling create(TurnpikeConfig config, String apiId) {
        return create(config, apiId, Clock.systemUTC());
    }

    /**
     * Reads and checks the throttling keys of {@code config} and, when {@code turnpike.redis.uri} is set,
     * connects to Redis: now if it answers, else in the background (deciding by the fail mode meanwhile).
     *
     * @param apiId names this API's keys in Redis ({@code turnpike.<apiId>:...})
     * @param clock the time buckets refill by and quota periods follow
     * @throws ConfigException naming every bad key, and {@code turnpike.redis.uri} if it is set while Lettuce or
     *     Bucket4j's Lettuce module (optional dependencies) is not on the class path
     */
    public static Throttling create(TurnpikeConfig config, String apiId, Clock clock) {
        Objects.requireNonNull(apiId, "apiId");
        List<String> problems = new ArrayList<>();
        ThrottleSettings settings = ThrottleSettings.read(config.values(), problems);
        UsagePlans plans = UsagePlans.read(config, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        LimiterStore store = settings.redisUri() == null
                ? new LocalStore(clock)
                : RedisStore.open(settings, apiId, clock);
        return new Throttling(plans, new LimiterTable(store, config.stages(), settings.account(), plans), store);
    }

    /**
     * Decides on one request. Completes with {@code null} to admit it, or with the error to answer: THROTTLED
     * (429 Too Many Requests), QUOTA_EXCEEDED (429 Limit Exceeded), INVALID_API_KEY (403 Forbidden) for a key that
     * is disabled or in no usage plan of the stage, or, with Redis down and {@code turnpike.redis.failMode=closed},
     * DEFAULT_5XX (500).
     *
     * <p>In memory the future is already complete (and shared: never obtrude a value). With Redis it completes on
     * a Lettuce I/O thread within {@code turnpike.redis.timeoutMillis}: continue on your own executor.
     *
     * @throws IllegalArgumentException if the request's stage is not served
     */
    public CompletableFuture<GatewayError> admit(ThrottleRequest request) {
        LimiterTable table = this.table;
        UsagePlans usagePlans = this.usagePlans;
        Limiter[] route = table.forRoute(request.stage(), request.resourcePath(), request.httpMethod());
        if (route == null) {
            throw new IllegalArgumentException("stage '" + request.stage() + "' is not served");
        }
        String keyName = request.apiKeyName();
        if (keyName == null) {
            return Admission.admit(route, Admission.NO_LIMITERS, store);
        }
        if (!usagePlans.isEnabled(keyName)) {
            return forbidden("API key '" + keyName + "' is disabled or unknown");
        }
        Limiter[] key = table.forKey(request.stage(), keyName, request.resourcePath(), request.httpMethod());
        if (key == null) {
            return forbidden("API key '" + keyName + "' is in no usage plan for stage '" + request.stage() + "'");
        }
        return Admission.admit(route, key, store);
    }

    /**
     * Meters by {@code plans} (checked with {@link UsagePlans#from} against {@code config}) from the next request
     * on: usage plans and keys added through the management API. Stage and method buckets keep their state; each
     * key's plan buckets and quota are made anew (on Redis they find their state again by their names).
     */
    public synchronized void replacePlans(TurnpikeConfig config, UsagePlans plans) {
        LimiterTable next = table.withPlans(plans);
        this.table = next;
        this.usagePlans = plans;
    }

    /**
     * Meters each method by {@code stages}' method settings from the next request on (an {@code UpdateStage} of
     * method settings): method buckets are made anew, the account's and the usage plans' keep their state.
     */
    public synchronized void replaceStages(Map<String, StageSettings> stages) {
        this.table = table.withStages(stages);
    }

    /** AWS's answer to a key it will not meter on this stage: 403 Forbidden. */
    private static CompletableFuture<GatewayError> forbidden(String detail) {
        return CompletableFuture.completedFuture(GatewayError.of(GatewayResponseType.INVALID_API_KEY, detail));
    }

    /** The usage plans and API keys, as configured. */
    public UsagePlans usagePlans() {
        return usagePlans;
    }

    /**
     * Requests {@code keyName} has left this period under {@code planName}'s quota.
     *
     * @throws IllegalArgumentException if the plan has no quota or the key is not in it
     */
    public CompletableFuture<Long> remainingQuota(String planName, String keyName) {
        QuotaLimiter quota = table.quota(planName, keyName);
        if (quota == null) {
            throw new IllegalArgumentException("usage plan '" + planName + "' has no quota for API key '" + keyName
                    + "'");
        }
        return quota.remaining();
    }

    /** Closes the Redis connection and its threads; nothing to do in memory. */
    @Override
    public void close() {
        store.close();
    }
}
