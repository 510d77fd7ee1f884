package dev.turnpike.runtime.throttle;

import java.util.List;
import java.util.Map;

/**
 * One usage plan from {@code turnpike.usagePlans.<name>.*}. Its limits count per API key: keys in the same plan
 * do not share them, and one key's plan-wide throttle and quota count across all the plan's stages.
 *
 * @param throttle the plan-wide token bucket per key; {@code null} when the plan does not throttle
 * @param methodThrottles per-method buckets per key, keyed {@code /resource/path/METHOD}, applied on top of the
 *     plan-wide one in each of the plan's stages
 * @param quota requests per key per period; {@code null} when the plan has no quota
 * @param apiStages the stages the plan applies to
 * @param apiKeys the names of the API keys in the plan
 */
public record UsagePlan(String name, ThrottleLimit throttle, Map<String, ThrottleLimit> methodThrottles, Quota quota,
        List<String> apiStages, List<String> apiKeys) {

    public UsagePlan {
        methodThrottles = Map.copyOf(methodThrottles);
        apiStages = List.copyOf(apiStages);
        apiKeys = List.copyOf(apiKeys);
    }
}
