package dev.turnpike.management;

import dev.turnpike.runtime.admin.LiveStage;
import dev.turnpike.runtime.config.CanarySettings;
import dev.turnpike.runtime.config.MethodSettings;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code UpdateStage}'s {@code patchOperations}, applied as API Gateway applies them: {@code /variables/<name>}
 * ({@code replace}/{@code add}, {@code remove}), {@code /deploymentId}, {@code /canarySettings/percentTraffic},
 * {@code /canarySettings/deploymentId}, {@code /canarySettings/useStageCache},
 * {@code /canarySettings/stageVariableOverrides/<name>} and {@code remove /canarySettings}. Names in paths are
 * JSON-pointer escaped ({@code ~1} is {@code /}, {@code ~0} is {@code ~}). Method settings:
 * {@code /<resourcePath>/<METHOD>/<throttling|caching|metrics|logging>/<field>}, {@code * / *} (without spaces)
 * for every method, with AWS's field names ({@code throttling/rateLimit}, {@code caching/ttlInSeconds},
 * {@code logging/loglevel}, ...).
 */
final class StagePatch {

    private StagePatch() {
    }

    /** AWS's method setting paths, {@code <category>/<field>}, by the setting's name in {@link MethodSettings}. */
    private static final Map<String, String> METHOD_SETTING_FIELDS = Map.ofEntries(
            Map.entry("throttling/rateLimit", "throttlingRateLimit"),
            Map.entry("throttling/burstLimit", "throttlingBurstLimit"),
            Map.entry("caching/enabled", "cachingEnabled"),
            Map.entry("caching/ttlInSeconds", "cacheTtlInSeconds"),
            Map.entry("caching/dataEncrypted", "cacheDataEncrypted"),
            Map.entry("caching/requireAuthorizationForCacheControl", "requireAuthorizationForCacheControl"),
            Map.entry("caching/unauthorizedCacheControlHeaderStrategy", "unauthorizedCacheControlHeaderStrategy"),
            Map.entry("metrics/enabled", "metricsEnabled"),
            Map.entry("logging/loglevel", "loggingLevel"),
            Map.entry("logging/dataTrace", "dataTraceEnabled"));

    /** {@code stage} with every operation applied in order, changed at {@code now}; refuses the first bad one. */
    static LiveStage apply(LiveStage stage, List<JsonObject> operations, long now) {
        return apply(stage, operations, now, null);
    }

    /**
     * As {@link #apply(LiveStage, List, long)}; method settings may only name {@code methods}
     * ({@code /pets/GET}), or any method when it is {@code null}.
     */
    static LiveStage apply(LiveStage stage, List<JsonObject> operations, long now, Set<String> methods) {
        LiveStage result = stage;
        for (JsonObject operation : operations) {
            result = applyOne(result, operation, now, methods);
        }
        return result;
    }

    private static LiveStage applyOne(LiveStage stage, JsonObject operation, long now, Set<String> methods) {
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
        if (path.matches("/[^/]+/[^/]+/(throttling|caching|metrics|logging)/[^/]+")) {
            return methodSetting(stage, path, op, remove, value, methods, now);
        }
        throw ApiException.badRequest("Invalid patch path '" + path + "' specified for op '" + op + "'");
    }

    private static LiveStage methodSetting(LiveStage stage, String path, String op, boolean remove, String value,
            Set<String> methods, long now) {
        String[] parts = path.substring(1).split("/");
        String field = METHOD_SETTING_FIELDS.get(parts[2] + "/" + parts[3]);
        if (field == null) {
            throw ApiException.badRequest("Invalid method setting path: " + path);
        }
        if (remove) {
            throw ApiException.badRequest("Cannot remove " + path + "; replace it with a value");
        }
        String selector = parts[0] + "/" + parts[1];
        if (methods != null && !selector.equals("*/*")) {
            String key = parts[0].replace("~1", "/").replace("~0", "~") + "/" + parts[1];
            if (!methods.contains(key)) {
                throw ApiException.badRequest("Invalid method setting path: " + path + ". The resource and method "
                        + key + " do not exist");
            }
        }
        Map<String, MethodSettings> settings = new LinkedHashMap<>(stage.settings().methodSettings());
        String problem = MethodSettings.set(settings, selector + "." + field, required(value, path));
        if (problem != null) {
            throw ApiException.badRequest("Invalid value for " + path + ": " + problem);
        }
        return stage.withMethodSettings(settings, now);
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
