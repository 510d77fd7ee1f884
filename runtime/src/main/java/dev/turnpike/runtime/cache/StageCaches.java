package dev.turnpike.runtime.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.turnpike.runtime.auth.CallerIdentity;
import dev.turnpike.runtime.auth.policy.CallerPrincipal;
import dev.turnpike.runtime.auth.policy.ExecuteApiArn;
import dev.turnpike.runtime.auth.policy.PolicyDocument;
import dev.turnpike.runtime.auth.policy.PolicyEvaluation;
import dev.turnpike.runtime.auth.policy.PolicyParseException;
import dev.turnpike.runtime.auth.policy.PolicyResult;
import dev.turnpike.runtime.auth.policy.RequestFacts;
import dev.turnpike.runtime.config.ConfigException;
import dev.turnpike.runtime.config.MethodSettings;
import dev.turnpike.runtime.config.StageSettings;
import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.http.Headers;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.pipeline.Exchange;
import dev.turnpike.runtime.pipeline.MethodResponse;
import dev.turnpike.runtime.pipeline.Outcome;
import dev.turnpike.runtime.response.GatewayError;
import dev.turnpike.runtime.response.GatewayResponseType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * API Gateway's stage cache, the pipeline step between request validation and the integration: a request to a
 * method with caching on is answered from the stage's cache when its key is there, else the integration is called
 * and a successful (2xx) response of at most 1 MiB is kept for the method's {@code cacheTtlInSeconds}.
 *
 * <p>As on AWS:
 * <ul>
 *   <li>a stage has a cache only with {@code turnpike.stage.<s>.cacheClusterEnabled=true}; its
 *       {@code cacheClusterSize} (GB, one of AWS's sizes, 0.5 by default) bounds the bytes held;</li>
 *   <li>only {@code GET} methods are cached unless a method's own setting says {@code cachingEnabled=true}; a
 *       {@code cachingEnabled=false} (its own or {@code * / *}) turns a GET method's caching off;
 *       {@code cacheTtlInSeconds} is 300 by default and 0 turns caching off;</li>
 *   <li>the key is the stage, the method and the values of the integration's {@code cacheKeyParameters}
 *       ({@link CacheKey});</li>
 *   <li>{@code Cache-Control: max-age=0} refreshes the entry when the caller may: without
 *       {@code requireAuthorizationForCacheControl} (true by default) anyone may; with it, only an {@code AWS_IAM}
 *       caller whose identity policy ({@code turnpike.iam.<key>.policy}) allows {@code execute-api:InvalidateCache}
 *       on the method's ARN. Anyone else meets {@code unauthorizedCacheControlHeaderStrategy}:
 *       {@code FAIL_WITH_403}, {@code SUCCEED_WITH_RESPONSE_HEADER} (the default: the header is ignored and the
 *       response carries a {@code Warning}) or {@code SUCCEED_WITHOUT_RESPONSE_HEADER};</li>
 *   <li>a canary request uses the stage's cache only with {@code canarySettings.useStageCache=true}.</li>
 * </ul>
 *
 * <p>The cache lives in this JVM (Caffeine), each node its own; with {@code turnpike.redis.uri} it lives on Redis,
 * shared by every node, and a Redis that does not answer in {@code turnpike.redis.timeoutMillis} is a miss.
 */
public final class StageCaches implements AutoCloseable {

    /** The largest response AWS caches. */
    public static final int MAX_RESPONSE_BYTES = 1_048_576;
    public static final int DEFAULT_TTL_SECONDS = 300;
    public static final String INVALIDATE_CACHE = "execute-api:InvalidateCache";
    /** What {@code SUCCEED_WITH_RESPONSE_HEADER} adds to the response: an RFC 7234 miscellaneous warning. */
    public static final String WARNING_HEADER = "Warning";
    public static final String WARNING_VALUE = "199 - \"Cache-Control header ignored: not authorized to invalidate "
            + "the cache entry\"";

    /** AWS's cache cluster sizes, in GB. */
    static final List<String> CLUSTER_SIZES = List.of("0.5", "1.6", "6.1", "13.5", "28.4", "58.2", "118", "237");

    private static final long DEFAULT_REDIS_TIMEOUT_MILLIS = 100;

    private final Map<String, StageCache> byStage;
    private final Map<String, PolicyDocument> identityPolicies;
    private final Executor executor;
    private final Stores stores;

    private StageCaches(Map<String, StageCache> byStage, Map<String, PolicyDocument> identityPolicies,
            Executor executor, Stores stores) {
        this.byStage = byStage;
        this.identityPolicies = identityPolicies;
        this.executor = executor;
        this.stores = stores;
    }

    /**
     * The caches of the stages of {@code config} that enable one, on the system's clock, on Redis when
     * {@code turnpike.redis.uri} is set.
     *
     * @param apiId names this API's keys on Redis
     * @param executor where a request goes on after an answer from Redis (not on Redis's I/O thread)
     */
    public static StageCaches create(TurnpikeConfig config, String apiId, Executor executor) {
        return create(config, apiId, executor, Ticker.systemTicker());
    }

    /** In this JVM only, entries expiring by {@code ticker}: for tests. */
    static StageCaches create(TurnpikeConfig config, Ticker ticker) {
        Map<String, String> local = new HashMap<>(config.values());
        local.remove("turnpike.redis.uri");
        return create(TurnpikeConfig.from(local), "test", Runnable::run, ticker);
    }

    /**
     * The caches of the stages of {@code config} that enable one; entries in this JVM expire by {@code ticker}.
     *
     * @throws ConfigException for a {@code cacheClusterSize} that is not one of AWS's sizes, or
     *     {@code turnpike.redis.uri} set without Lettuce on the class path while a stage has a cache
     */
    static StageCaches create(TurnpikeConfig config, String apiId, Executor executor, Ticker ticker) {
        Map<String, String> values = config.values();
        List<String> problems = new ArrayList<>();
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (StageSettings stage : config.stages().values()) {
            String prefix = "turnpike.stage." + stage.name() + ".";
            String size = values.getOrDefault(prefix + "cacheClusterSize", "0.5").trim();
            String canonical = canonicalSize(size);
            if (canonical == null) {
                problems.add(prefix + "cacheClusterSize: one of AWS's cache sizes in GB ("
                        + String.join(", ", CLUSTER_SIZES) + "), got '" + size + "'");
                continue;
            }
            if (Boolean.parseBoolean(values.getOrDefault(prefix + "cacheClusterEnabled", "false").trim())) {
                sizes.put(stage.name(), (long) (Double.parseDouble(canonical) * 1024 * 1024 * 1024));
            }
        }
        Map<String, PolicyDocument> policies = sizes.isEmpty() ? Map.of() : identityPolicies(values, problems);
        String redisUri = values.get("turnpike.redis.uri");
        if (redisUri != null && !sizes.isEmpty() && !lettuceLoadable()) {
            problems.add("turnpike.redis.uri: a stage cache on Redis needs io.lettuce:lettuce-core on the class path"
                    + " (an optional dependency of turnpike-runtime)");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        if (sizes.isEmpty()) {
            return new StageCaches(Map.of(), Map.of(), executor, null);
        }
        Stores stores = null;
        if (redisUri != null) {
            String timeout = values.get("turnpike.redis.timeoutMillis"); // shape and range: throttling checks them
            stores = RedisCacheStore.open(redisUri, java.time.Duration.ofMillis(
                    timeout == null ? DEFAULT_REDIS_TIMEOUT_MILLIS : Math.max(1, Long.parseLong(timeout))), apiId);
        }
        Map<String, StageCache> byStage = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : sizes.entrySet()) {
            CacheStore store = stores != null ? stores.forStage(e.getKey()) : new LocalCacheStore(e.getValue(), ticker);
            byStage.put(e.getKey(), new StageCache(e.getKey(), e.getValue(), store));
        }
        return new StageCaches(Map.copyOf(byStage), policies, executor, stores);
    }

    /** A cache of {@code maxBytes} in this JVM for one stage, for tests of the bound. */
    static StageCaches of(String stage, long maxBytes, Ticker ticker, Map<String, PolicyDocument> policies) {
        return new StageCaches(Map.of(stage, new StageCache(stage, maxBytes, new LocalCacheStore(maxBytes, ticker))),
                policies, Runnable::run, null);
    }

    /** Asked by name without loading Lettuce: {@link RedisCacheStore} must not load unless it can. */
    private static boolean lettuceLoadable() {
        try {
            Class.forName("io.lettuce.core.RedisClient", false, StageCaches.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Closes the Redis connection, if any. */
    @Override
    public void close() {
        if (stores != null) {
            stores.close();
        }
    }

    private static String canonicalSize(String size) {
        try {
            double gb = Double.parseDouble(size);
            for (String s : CLUSTER_SIZES) {
                if (Double.parseDouble(s) == gb) {
                    return s;
                }
            }
        } catch (NumberFormatException e) {
            // reported by the caller
        }
        return null;
    }

    /** {@code turnpike.iam.<accessKeyId>.policy}; the gateway's IAM authorization checked them already. */
    private static Map<String, PolicyDocument> identityPolicies(Map<String, String> values, List<String> problems) {
        Map<String, PolicyDocument> policies = new HashMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith("turnpike.iam.") && key.endsWith(".policy")) {
                try {
                    policies.put(key.substring("turnpike.iam.".length(), key.length() - ".policy".length()),
                            PolicyDocument.parse(value));
                } catch (PolicyParseException e) {
                    problems.add(key + ": " + String.join("; ", e.problems()));
                }
            }
        });
        return Map.copyOf(policies);
    }

    /** The cache of {@code stage}; {@code null} when the stage has none. */
    public StageCache stage(String stage) {
        return byStage.get(stage);
    }

    /** Whether any stage has a cache. */
    public boolean any() {
        return !byStage.isEmpty();
    }

    /**
     * Answers {@code exchange} from its stage's cache, or calls {@code integration} (at most once) and keeps its
     * successful response. Requests the cache does not apply to go straight to the integration.
     */
    public CompletableFuture<Outcome> serve(Exchange exchange, Supplier<CompletableFuture<Outcome>> integration) {
        StageSettings stage = exchange.stage();
        StageCache cache = byStage.get(stage.name());
        if (cache == null || (Boolean.TRUE.equals(exchange.canaryRequest())
                && (stage.canary() == null || !stage.canary().useStageCache()))) {
            return integration.get();
        }
        Operation operation = exchange.operation();
        MethodSettings settings = stage.settingsFor(operation.resourcePath(), operation.httpMethod());
        if (!cachingEnabled(stage, operation, exchange.clientRequest().method())) {
            return integration.get();
        }
        int ttl = settings.cacheTtlInSeconds() == null ? DEFAULT_TTL_SECONDS : settings.cacheTtlInSeconds();
        if (ttl == 0) {
            return integration.get();
        }
        String method = operation.resourcePath() + "/" + operation.httpMethod();
        CacheKey key = CacheKey.of(stage.name(), operation, exchange.clientRequest(),
                exchange.match().pathParameters());
        boolean warn = false;
        if (asksToInvalidate(exchange.clientRequest().headers())) {
            if (mayInvalidate(exchange, settings)) {
                exchange.executionLog().add(() -> "Invalidating the cache entry of " + method
                        + " (Cache-Control: max-age=0)");
                cache.invalidate(key);
                exchange.cacheHit(false);
                return miss(cache, method, key, ttl, integration, false);
            }
            String strategy = settings.unauthorizedCacheControlHeaderStrategy() == null
                    ? "SUCCEED_WITH_RESPONSE_HEADER" : settings.unauthorizedCacheControlHeaderStrategy();
            exchange.executionLog().add(() -> "Cache-Control: max-age=0 from a caller not allowed "
                    + INVALIDATE_CACHE + ": " + strategy);
            if (strategy.equals("FAIL_WITH_403")) {
                return CompletableFuture.completedFuture(Outcome.of(GatewayError.of(GatewayResponseType.ACCESS_DENIED,
                        "the caller may not invalidate the cache entry (" + INVALIDATE_CACHE + ")")));
            }
            warn = strategy.equals("SUCCEED_WITH_RESPONSE_HEADER");
        }
        boolean warning = warn;
        CompletableFuture<CachedResponse> lookup = cache.get(key);
        java.util.function.Function<CachedResponse, CompletableFuture<Outcome>> answer = cached -> {
            exchange.cacheHit(cached != null); // CacheHitCount and CacheMissCount
            if (cached == null) {
                return miss(cache, method, key, ttl, integration, warning);
            }
            cache.hit(method);
            exchange.executionLog().add(() -> "Sending the cached response of " + method);
            MethodResponse response = cached.toResponse();
            if (warning) {
                response.headers().set(WARNING_HEADER, WARNING_VALUE);
            }
            return CompletableFuture.completedFuture(Outcome.of(response));
        };
        // An answer from Redis arrives on its I/O thread: the integration call goes on on the gateway's own.
        return lookup.isDone() ? lookup.thenCompose(answer) : lookup.thenComposeAsync(answer, executor);
    }

    private static CompletableFuture<Outcome> miss(StageCache cache, String method, CacheKey key, int ttl,
            Supplier<CompletableFuture<Outcome>> integration, boolean warn) {
        cache.miss(method);
        return integration.get().thenApply(outcome -> {
            MethodResponse response = outcome.response();
            if (response == null) {
                return outcome;
            }
            Headers headers = response.headers();
            if (response.status() < 200 || response.status() > 299 || declaredTooLong(headers)) {
                if (warn) {
                    headers.set(WARNING_HEADER, WARNING_VALUE);
                }
                return outcome;
            }
            Headers stored = headers.copy();
            long ttlNanos = TimeUnit.SECONDS.toNanos(ttl);
            if (warn) {
                headers.set(WARNING_HEADER, WARNING_VALUE);
            }
            return Outcome.of(new MethodResponse(response.status(), headers,
                    new RecordingBody(response.body(), MAX_RESPONSE_BYTES,
                            body -> cache.put(key, new CachedResponse(response.status(), stored, body, ttlNanos)))));
        });
    }

    private static boolean declaredTooLong(Headers headers) {
        String length = headers.first("Content-Length");
        if (length == null) {
            return false;
        }
        try {
            return Long.parseLong(length.trim()) > MAX_RESPONSE_BYTES;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /**
     * GET methods are cached unless a setting turns them off; any other method only with its own
     * {@code cachingEnabled=true} (AWS: "only GET methods have caching enabled by default").
     */
    static boolean cachingEnabled(StageSettings stage, Operation operation, String requestMethod) {
        MethodSettings own = stage.methodSettings().get(operation.resourcePath() + "/" + operation.httpMethod());
        if (own != null && own.cachingEnabled() != null) {
            return own.cachingEnabled();
        }
        if (!requestMethod.equals("GET")) {
            return false;
        }
        MethodSettings all = stage.methodSettings().get(StageSettings.ALL_METHODS);
        return all == null || all.cachingEnabled() == null || all.cachingEnabled();
    }

    /** Whether the request's {@code Cache-Control} has {@code max-age=0}. */
    static boolean asksToInvalidate(Headers headers) {
        for (String value : headers.all("Cache-Control")) {
            for (String directive : value.split(",")) {
                String d = directive.trim().toLowerCase(Locale.ROOT).replace(" ", "");
                if (d.equals("max-age=0") || d.equals("max-age=\"0\"")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Without {@code requireAuthorizationForCacheControl} anyone may invalidate. With it (the default), only an
     * IAM caller whose identity policy allows {@code execute-api:InvalidateCache} on the method's ARN: a method
     * without {@code AWS_IAM} has no such caller, so its clients always meet the strategy.
     */
    boolean mayInvalidate(Exchange exchange, MethodSettings settings) {
        if (Boolean.FALSE.equals(settings.requireAuthorizationForCacheControl())) {
            return true;
        }
        CallerIdentity caller = exchange.caller();
        if (caller == null) {
            return false;
        }
        PolicyDocument policy = identityPolicies.get(caller.accessKey());
        if (policy == null) {
            return false; // a key without a policy may invoke, nothing more
        }
        String arn = ExecuteApiArn.of(exchange.api().region(), exchange.api().accountId(), exchange.api().apiId(),
                exchange.stage().name(), exchange.clientRequest().method(), exchange.pathBelowStage());
        RequestFacts facts = new RequestFacts(INVALIDATE_CACHE, arn,
                new CallerPrincipal(caller.accountId(), caller.userArn()), exchange.clientRequest().remoteAddress(),
                null, null);
        return PolicyEvaluation.evaluate(policy, facts) == PolicyResult.ALLOW;
    }
}
