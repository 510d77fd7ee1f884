package dev.turnpike.runtime.config;

import java.util.Map;

/**
 * A stage's {@code canarySettings}, with AWS's field names: that share of the stage's requests is a canary
 * request, which sees the stage variables overlaid with {@code stageVariableOverrides} and has
 * {@code $context.isCanaryRequest} true.
 *
 * @param percentTraffic 0 to 100
 * @param deploymentId the canary's deployment; {@code null} for the stage's own (the only one served so far)
 */
public record CanarySettings(double percentTraffic, Map<String, String> stageVariableOverrides, String deploymentId,
        boolean useStageCache) {

    public CanarySettings {
        stageVariableOverrides = Map.copyOf(stageVariableOverrides);
    }
}
