package dev.turnpike.runtime.pipeline;

import dev.turnpike.runtime.config.StageSettings;
import dev.turnpike.runtime.response.GatewayError;
import dev.turnpike.runtime.response.GatewayResponseType;
import java.util.Map;

/**
 * The first path segment names the stage, as in {@code https://{api}.execute-api.{region}.amazonaws.com/{stage}/...}.
 * Leading empty segments are skipped ({@code //prod/pets} is {@code /prod/pets}), as AWS does. A stage that is
 * not served gets AWS's 403 {@code Forbidden}.
 */
final class StageSelection {

    private final Map<String, StageSettings> stages;

    StageSelection(Map<String, StageSettings> stages) {
        this.stages = stages;
    }

    GatewayError select(Exchange exchange) {
        String path = exchange.clientRequest().path();
        int start = 0;
        while (start < path.length() && path.charAt(start) == '/') {
            start++;
        }
        int end = path.indexOf('/', start);
        String name = end < 0 ? path.substring(start) : path.substring(start, end);
        StageSettings stage = stages.get(name);
        if (stage == null) {
            return GatewayError.of(GatewayResponseType.FORBIDDEN, "no stage '" + name + "'");
        }
        exchange.stage(stage, end < 0 ? "/" : path.substring(end));
        return null;
    }
}
