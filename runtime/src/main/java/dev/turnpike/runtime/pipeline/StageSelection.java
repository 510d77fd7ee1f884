package dev.turnpike.runtime.pipeline;

import dev.turnpike.runtime.admin.LiveStage;
import dev.turnpike.runtime.admin.StageRegistry;
import dev.turnpike.runtime.config.StageSettings;
import dev.turnpike.runtime.response.GatewayError;
import dev.turnpike.runtime.response.GatewayResponseType;

/**
 * The first path segment names the stage, as in {@code https://{api}.execute-api.{region}.amazonaws.com/{stage}/...}.
 * Leading empty segments are skipped ({@code //prod/pets} is {@code /prod/pets}), as AWS does. A stage that is
 * not served gets AWS's 403 {@code Forbidden}. On a stage with canary settings, this is also where a request
 * becomes a canary request. Stages are read from the live {@link StageRegistry}, so a change made through the
 * management API applies from the next request on.
 */
final class StageSelection {

    private final StageRegistry stages;
    private final CanaryDraw canaryDraw;

    /** Fixed stages, for tests of the steps after this one. */
    StageSelection(java.util.Map<String, StageSettings> stages) {
        this(StageRegistry.inMemory(stages, "fixed"), CanaryDraw.random());
    }

    StageSelection(StageRegistry stages, CanaryDraw canaryDraw) {
        this.stages = stages;
        this.canaryDraw = canaryDraw;
    }

    GatewayError select(Exchange exchange) {
        String path = exchange.clientRequest().path();
        int start = 0;
        while (start < path.length() && path.charAt(start) == '/') {
            start++;
        }
        int end = path.indexOf('/', start);
        String name = end < 0 ? path.substring(start) : path.substring(start, end);
        LiveStage live = stages.stage(name);
        if (live == null) {
            return GatewayError.of(GatewayResponseType.FORBIDDEN, "no stage '" + name + "'");
        }
        StageSettings stage = live.settings();
        String below = end < 0 ? "/" : path.substring(end);
        if (stage.canary() == null) {
            exchange.stage(stage, below);
            exchange.deploymentId(live.deploymentId());
        } else {
            // AWS sends each request to the canary with the configured probability.
            boolean canary = canaryDraw.toCanary(stage.canary().percentTraffic());
            exchange.stage(canary ? stage.asCanary() : stage, below);
            exchange.canaryRequest(canary);
            String canaryDeployment = stage.canary().deploymentId();
            exchange.deploymentId(canary && canaryDeployment != null ? canaryDeployment : live.deploymentId());
        }
        return null;
    }
}
