package dev.turnpike.runtime.throttle;

import dev.turnpike.runtime.config.MethodSettings;
import dev.turnpike.runtime.config.StageSettings;
import dev.turnpike.runtime.response.GatewayError;
import dev.turnpike.runtime.response.GatewayResponseType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which limiters apply to a request, in the order they are asked:
 * <ol>
 * <li>the account bucket, shared by every request;
 * <li>the method's bucket of its stage, shared by every caller: the method's own {@code methodSettings} entry
 *     over the stage's {@code * / *} entry, field by field, as API Gateway applies stage settings per method;
 * <li>for a request with an API key, its usage plan's bucket for the method (if the plan sets one), the plan-wide
 *     bucket and the quota, all counted per key.
 * </ol>
 * Route limiters are made on a method's first request and kept; key limiters are made at start. Lookups use the
 * request's strings as they are, so a decision allocates nothing.
 */
final class LimiterTable {

    /** One key's limiters on one stage: plan-wide ones, and per-method ones where the plan sets them. */
    private record KeyLimiters(Limiter[] planWide, Map<String, Map<String, Limiter[]>> byPathAndMethod) {
        Limiter[] forMethod(String resourcePath, String httpMethod) {
            Map<String, Limiter[]> byMethod = byPathAndMethod.get(resourcePath);
            Limiter[] own = byMethod == null ? null : byMethod.get(httpMethod);
            return own != null ? own : planWide;
        }
    }

    private final LimiterStore store;
    private final Map<String, StageSettings> stages;
    private final ThrottleLimit accountLimit;
    private final Limiter[] accountOnly;
    private final Map<String, ConcurrentHashMap<String, ConcurrentHashMap<String, Limiter[]>>> routes;
    private final Map<String, Map<String, KeyLimiters>> keysByStage;
    private final Map<String, Map<String, QuotaLimiter>> quotasByPlan;

    LimiterTable(LimiterStore store, Map<String, StageSettings> stages, ThrottleLimit accountLimit,
            UsagePlans plans) {
        this.store = store;
        this.stages = stages;
        this.accountLimit = accountLimit;
        this.accountOnly = new Limiter[] {bucket("account", accountLimit, "account")};
        this.routes = new HashMap<>();
        stages.keySet().forEach(stage -> routes.put(stage, new ConcurrentHashMap<>()));
        this.keysByStage = new HashMap<>();
        this.quotasByPlan = new HashMap<>();
        plans.plans().values().forEach(this::addPlan);
    }

    private LimiterTable(LimiterTable routesFrom, UsagePlans plans) {
        this.store = routesFrom.store;
        this.stages = routesFrom.stages;
        this.accountLimit = routesFrom.accountLimit;
        this.accountOnly = routesFrom.accountOnly;
        this.routes = routesFrom.routes;
        this.keysByStage = new HashMap<>();
        this.quotasByPlan = new HashMap<>();
        plans.plans().values().forEach(this::addPlan);
    }

    private LimiterTable(LimiterTable keysFrom, Map<String, StageSettings> stages) {
        this.store = keysFrom.store;
        this.stages = Map.copyOf(stages);
        this.accountLimit = keysFrom.accountLimit;
        this.accountOnly = keysFrom.accountOnly;
        this.routes = new HashMap<>();
        stages.keySet().forEach(stage -> routes.put(stage, new ConcurrentHashMap<>()));
        this.keysByStage = keysFrom.keysByStage;
        this.quotasByPlan = keysFrom.quotasByPlan;
    }

    /** This table's account and key limiters (state and all) with method limiters made anew for {@code stages}. */
    LimiterTable withStages(Map<String, StageSettings> stages) {
        return new LimiterTable(this, stages);
    }

    /** This table's account and method limiters (state and all) with {@code plans}' key limiters. */
    LimiterTable withPlans(UsagePlans plans) {
        return new LimiterTable(this, plans);
    }

    /** The account's and the method's limiters; {@code null} for a stage that is not served. */
    Limiter[] forRoute(String stage, String resourcePath, String httpMethod) {
        ConcurrentHashMap<String, ConcurrentHashMap<String, Limiter[]>> byPath = routes.get(stage);
        if (byPath == null) {
            return null;
        }
        ConcurrentHashMap<String, Limiter[]> byMethod = byPath.get(resourcePath);
        if (byMethod == null) {
            byMethod = byPath.computeIfAbsent(resourcePath, p -> new ConcurrentHashMap<>());
        }
        Limiter[] limiters = byMethod.get(httpMethod);
        if (limiters == null) {
            limiters = byMethod.computeIfAbsent(httpMethod, m -> methodLimiters(stage, resourcePath, m));
        }
        return limiters;
    }

    /** The usage plan limiters of {@code keyName} on {@code stage}; {@code null} if no plan meters it there. */
    Limiter[] forKey(String stage, String keyName, String resourcePath, String httpMethod) {
        KeyLimiters key = keysByStage.getOrDefault(stage, Map.of()).get(keyName);
        return key == null ? null : key.forMethod(resourcePath, httpMethod);
    }

    /** The quota of {@code keyName} in {@code planName}; {@code null} if that plan has no quota for that key. */
    QuotaLimiter quota(String planName, String keyName) {
        return quotasByPlan.getOrDefault(planName, Map.of()).get(keyName);
    }

    private Limiter[] methodLimiters(String stage, String resourcePath, String httpMethod) {
        MethodSettings settings = stages.get(stage).settingsFor(resourcePath, httpMethod);
        if (settings.throttlingRateLimit() == null && settings.throttlingBurstLimit() == null) {
            return accountOnly;
        }
        // A field the stage leaves unset is the account's, as AWS's stage defaults are.
        ThrottleLimit limit = new ThrottleLimit(
                settings.throttlingRateLimit() != null ? settings.throttlingRateLimit() : accountLimit.rateLimit(),
                settings.throttlingBurstLimit() != null ? settings.throttlingBurstLimit() : accountLimit.burstLimit());
        String method = stage + " " + resourcePath + " " + httpMethod;
        return new Limiter[] {accountOnly[0],
                bucket("method:" + stage + ":" + resourcePath + "/" + httpMethod, limit, "method " + method)};
    }

    private void addPlan(UsagePlan plan) {
        for (String key : plan.apiKeys()) {
            String owner = "usage plan " + plan.name() + ", API key " + key;
            String id = plan.name() + ":" + key;
            Limiter planWide = plan.throttle() == null ? null : bucket("plan:" + id, plan.throttle(), owner);
            QuotaLimiter quota = plan.quota() == null ? null : store.quota(id, plan.quota(), new GatewayError(
                    GatewayResponseType.QUOTA_EXCEEDED, null, "quota " + plan.quota() + " used up (" + owner + ")"));
            if (quota != null) {
                quotasByPlan.computeIfAbsent(plan.name(), p -> new HashMap<>()).put(key, quota);
            }
            Limiter[] planWideOnly = limiters(null, planWide, quota);
            for (String stage : plan.apiStages()) {
                Map<String, Map<String, Limiter[]>> byPathAndMethod = new HashMap<>();
                plan.methodThrottles().forEach((target, limit) -> {
                    int slash = target.lastIndexOf('/');
                    String path = target.substring(0, slash);
                    String method = target.substring(slash + 1);
                    Limiter own = bucket("plan:" + id + ":" + stage + ":" + target, limit,
                            owner + ", method " + stage + " " + path + " " + method);
                    byPathAndMethod.computeIfAbsent(path, p -> new HashMap<>())
                            .put(method, limiters(own, planWide, quota));
                });
                keysByStage.computeIfAbsent(stage, s -> new HashMap<>())
                        .put(key, new KeyLimiters(planWideOnly, byPathAndMethod));
            }
        }
    }

    private static Limiter[] limiters(Limiter... maybe) {
        return Arrays.stream(maybe).filter(Objects::nonNull).toArray(Limiter[]::new);
    }

    private Limiter bucket(String id, ThrottleLimit limit, String owner) {
        GatewayError refusal = new GatewayError(GatewayResponseType.THROTTLED, null,
                "throttled by the " + owner + " bucket (" + limit + ")");
        return limit.admitsNothing() ? Limiter.refusingAll(refusal) : store.bucket(id, limit, refusal);
    }
}
