package dev.turnpike.runtime.admin;

import dev.turnpike.runtime.config.CanarySettings;
import dev.turnpike.runtime.config.StageSettings;
import java.util.Map;
import java.util.Objects;

/**
 * One stage as it is served now: the settings the pipeline reads, the deployment it points at, and when it was
 * created and last changed (epoch milliseconds, for the management API's {@code createdDate} and
 * {@code lastUpdatedDate}). Immutable: a change makes a new one, swapped in whole.
 */
public record LiveStage(StageSettings settings, String deploymentId, long createdMillis, long lastUpdatedMillis) {

    public LiveStage {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(deploymentId, "deploymentId");
    }

    public String name() {
        return settings.name();
    }

    /** This stage with these variables, changed at {@code now}. */
    public LiveStage withVariables(Map<String, String> variables, long now) {
        return new LiveStage(new StageSettings(settings.name(), variables, settings.methodSettings(),
                settings.canary()), deploymentId, createdMillis, now);
    }

    /** This stage with these method settings, changed at {@code now}. */
    public LiveStage withMethodSettings(Map<String, dev.turnpike.runtime.config.MethodSettings> methodSettings,
            long now) {
        return new LiveStage(new StageSettings(settings.name(), settings.variables(), methodSettings,
                settings.canary()), deploymentId, createdMillis, now);
    }

    /** This stage pointing at {@code deploymentId}, changed at {@code now}. */
    public LiveStage withDeployment(String deploymentId, long now) {
        return new LiveStage(settings, deploymentId, createdMillis, now);
    }

    /** This stage with these canary settings ({@code null}: none), changed at {@code now}. */
    public LiveStage withCanary(CanarySettings canary, long now) {
        return new LiveStage(new StageSettings(settings.name(), settings.variables(), settings.methodSettings(),
                canary), deploymentId, createdMillis, now);
    }
}
