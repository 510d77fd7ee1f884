package dev.turnpike.runtime.admin;

import dev.turnpike.runtime.config.CanarySettings;
import dev.turnpike.runtime.config.MethodSettings;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a store keeps of a stage changed through the management API: what the API can change (variables, the
 * deployment, the canary, method settings) and its dates.
 *
 * <p>As JSON: {@code {"name", "deploymentId", "variables": {}, "canarySettings": {...} | absent,
 * "methodSettings": {"/pets/GET": {...}}, "createdDate", "lastUpdatedDate"}}, dates in epoch milliseconds.
 */
public record StoredStage(String name, String deploymentId, Map<String, String> variables, CanarySettings canary,
        Map<String, MethodSettings> methodSettings, long createdMillis, long lastUpdatedMillis) {

    public StoredStage {
        variables = Map.copyOf(variables);
        methodSettings = Map.copyOf(methodSettings);
    }

    static StoredStage of(LiveStage stage) {
        return new StoredStage(stage.name(), stage.deploymentId(), stage.settings().variables(),
                stage.settings().canary(), stage.settings().methodSettings(), stage.createdMillis(),
                stage.lastUpdatedMillis());
    }

    public String toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("name", name)
                .add("deploymentId", deploymentId)
                .add("variables", strings(variables));
        if (canary != null) {
            JsonObjectBuilder c = Json.createObjectBuilder()
                    .add("percentTraffic", canary.percentTraffic())
                    .add("stageVariableOverrides", strings(canary.stageVariableOverrides()))
                    .add("useStageCache", canary.useStageCache());
            if (canary.deploymentId() != null) {
                c.add("deploymentId", canary.deploymentId());
            }
            json.add("canarySettings", c);
        }
        json.add("methodSettings", MethodSettingsJson.write(methodSettings));
        return json.add("createdDate", createdMillis).add("lastUpdatedDate", lastUpdatedMillis).build().toString();
    }

    /** Reads what {@link #toJson} wrote; throws {@link IllegalArgumentException} naming what is wrong. */
    public static StoredStage fromJson(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            JsonObject json = reader.readObject();
            CanarySettings canary = null;
            JsonObject c = json.getJsonObject("canarySettings");
            if (c != null) {
                canary = new CanarySettings(c.getJsonNumber("percentTraffic").doubleValue(),
                        strings(c.getJsonObject("stageVariableOverrides")), c.getString("deploymentId", null),
                        c.getBoolean("useStageCache", false));
            }
            return new StoredStage(json.getString("name"), json.getString("deploymentId"),
                    strings(json.getJsonObject("variables")), canary,
                    MethodSettingsJson.read(json.getJsonObject("methodSettings")), json.getJsonNumber("createdDate").longValue(), json.getJsonNumber("lastUpdatedDate").longValue());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a stored stage: " + e.getMessage(), e);
        }
    }

    private static JsonObjectBuilder strings(Map<String, String> map) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        map.forEach(json::add);
        return json;
    }

    private static Map<String, String> strings(JsonObject json) {
        Map<String, String> map = new LinkedHashMap<>();
        if (json != null) {
            for (Map.Entry<String, JsonValue> e : json.entrySet()) {
                map.put(e.getKey(), ((JsonString) e.getValue()).getString());
            }
        }
        return map;
    }
}
