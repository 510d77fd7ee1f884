package dev.turnpike.runtime.config;

import java.util.Map;

/**
 * One stage: its name (the first path segment), its stage variables and its method settings.
 *
 * @param methodSettings keyed {@code /resource/path/METHOD}, or {@code * / *} (without spaces) for every method
 * @param canary the stage's canary settings; {@code null} when it has none
 */
public record StageSettings(String name, Map<String, String> variables, Map<String, MethodSettings> methodSettings,
        CanarySettings canary) {

    public static final String ALL_METHODS = "*/*";

    public StageSettings {
        variables = Map.copyOf(variables);
        methodSettings = Map.copyOf(methodSettings);
    }

    public StageSettings(String name, Map<String, String> variables, Map<String, MethodSettings> methodSettings) {
        this(name, variables, methodSettings, null);
    }

    /** The stage as a canary request sees it: its variables overlaid with the canary's overrides. */
    public StageSettings asCanary() {
        if (canary == null) {
            return this;
        }
        Map<String, String> overlaid = new java.util.LinkedHashMap<>(variables);
        overlaid.putAll(canary.stageVariableOverrides());
        return new StageSettings(name, overlaid, methodSettings, canary);
    }

    /** The settings in force for one method: its own entry over the stage-wide {@code * / *} entry. */
    public MethodSettings settingsFor(String resourcePath, String httpMethod) {
        MethodSettings all = methodSettings.getOrDefault(ALL_METHODS, MethodSettings.NONE);
        MethodSettings own = methodSettings.get(resourcePath + "/" + httpMethod);
        return own == null ? all : own.orElse(all);
    }
}
