package dev.turnpike.management;

import dev.turnpike.runtime.admin.LiveStage;
import dev.turnpike.runtime.config.CanarySettings;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code UpdateStage}'s {@code patchOperations}, applied as API Gateway applies them: {@code /variables/<name>}
 * ({@code replace}/{@code add}, {@code remove}), {@code /deploymentId}, {@code /canarySettings/percentTraffic},
 * {@code /canarySettings/deploymentId}, {@code /canarySettings/useStageCache},
 * {@code /canarySettings/stageVariableOverrides/<name>} and {@code remove /canarySettings}. Names in paths are
 * JSON-pointer escaped ({@code ~1} is {@code /}, {@code ~0} is {@code ~}). Method settings are configuration only
 * for now: their paths are refused with the reason.
 */
final class StagePatch {

    private StagePatch() {
    }

    /** {@code stage} with every operation applied in order, changed at {@code now}; refuses the first bad one. */
    static LiveStage apply(LiveStage stage, List<JsonObject> operations, long now) {
        LiveStage result = stage;
        for (JsonObject operation : operations) {
            result = applyOne(result, operation, now);
        }
        return result;
    }

    private static LiveStage applyOne(LiveStage stage, JsonObject operation, long now) {
        String op = text(operation, "op");
        String path = text(operation, "path");
        if (op == null || path == null) {
            throw ApiException.badRequest("A patch operation needs 'op' and 'path'");
        }
        String value = text(operation, "value");
        boolean remove = op.equals("remove");
        if (!remove && !op.equals("replace") && !op.equals("add")) {
            throw ApiException.badRequest("Invalid patch operation specified. Must be one of: [add, remove, replace]"
                    + " for path " + path);
        }
        if (path.startsWith("/variables/")) {
            String name = unescape(path.substring("/variables/".length()));
            Map<String, String> variables = new LinkedHashMap<>(stage.settings().variables());
            if (remove) {
                variables.remove(name);
            } else {
                variables.put(name, required(value, path));
            }
            return stage.withVariables(variables, now);
        }
        if (path.equals("/deploymentId") && !remove) {
            return stage.withDeployment(required(value, path), now);
        }
        if (path.equals("/canarySettings") && remove) {
            return stage.withCanary(null, now);
        }
        if (path.startsWith("/canarySettings/")) {
            return stage.withCanary(canary(stage, path.substring("/canarySettings/".length()), remove, value), now);
        }
        if (path.matches("/[^/]+/[^/]+/(throttling|caching|metrics|logging)/.*")) {
            throw ApiException.badRequest("Turnpike reads method settings from its configuration only "
                    + "(turnpike.stage." + stage.name() + ".methodSettings.*); cannot patch " + path);
        }
        throw ApiException.badRequest("Invalid patch path '" + path + "' specified for op '" + op + "'");
    }

    private static CanarySettings canary(LiveStage stage, String field, boolean remove, String value) {
        CanarySettings c = stage.settings().canary();
        if (c == null) {
            c = new CanarySettings(0, Map.of(), null, false);
        }
        if (field.startsWith("stageVariableOverrides/")) {
            String name = unescape(field.substring("stageVariableOverrides/".length()));
            Map<String, String> overrides = new LinkedHashMap<>(c.stageVariableOverrides());
            if (remove) {
                overrides.remove(name);
            } else {
                overrides.put(name, required(value, "/canarySettings/" + field));
            }
            return new CanarySettings(c.percentTraffic(), overrides, c.deploymentId(), c.useStageCache());
        }
        if (remove) {
            throw ApiException.badRequest("Cannot remove /canarySettings/" + field);
        }
        String v = required(value, "/canarySettings/" + field);
        switch (field) {
            case "percentTraffic":
                double percent;
                try {
                    percent = Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    throw ApiException.badRequest("Invalid percentTraffic: '" + v + "'");
                }
                return new CanarySettings(percent, c.stageVariableOverrides(), c.deploymentId(), c.useStageCache());
            case "deploymentId":
                return new CanarySettings(c.percentTraffic(), c.stageVariableOverrides(), v, c.useStageCache());
            case "useStageCache":
                if (!v.equals("true") && !v.equals("false")) {
                    throw ApiException.badRequest("Invalid useStageCache: '" + v + "' (true or false)");
                }
                return new CanarySettings(c.percentTraffic(), c.stageVariableOverrides(), c.deploymentId(),
                        Boolean.parseBoolean(v));
            default:
                throw ApiException.badRequest("Invalid patch path '/canarySettings/" + field + "'");
        }
    }

    private static String required(String value, String path) {
        if (value == null) {
            throw ApiException.badRequest("A value is required for path " + path);
        }
        return value;
    }

    private static String text(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw ApiException.badRequest("'" + name + "' must be a string");
        }
        return json.getString(name);
    }

    private static String unescape(String segment) {
        return segment.replace("~1", "/").replace("~0", "~");
    }
}
