package dev.turnpike.runtime.admin;

import dev.turnpike.runtime.config.CanarySettings;
import dev.turnpike.runtime.config.ConfigException;
import dev.turnpike.runtime.config.StageSettings;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The stages served now. Requests read an immutable map through one volatile field; a change builds the changed
 * stage, checks it, keeps it in the {@link StageStore} and then swaps the whole map, so a request sees a stage
 * either wholly before or wholly after a change, and never waits for one.
 */
public final class StageRegistry {

    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z0-9_]+");
    private static final int MAX_VARIABLE_VALUE = 512;

    private final Set<String> deploymentIds;
    private final StageStore store;
    private volatile Map<String, LiveStage> stages;
    private volatile Consumer<Map<String, StageSettings>> methodSettingsChanged = stages -> { };

    private StageRegistry(Set<String> deploymentIds, StageStore store, Map<String, LiveStage> stages) {
        this.deploymentIds = Set.copyOf(deploymentIds);
        this.store = store;
        this.stages = Map.copyOf(stages);
    }

    /**
     * The configured stages, each on its configured deployment ({@code turnpike.stage.<s>.deploymentId}) or else
     * {@code defaultDeploymentId}, with what {@code store} kept of earlier changes laid over them. A kept stage that
     * is no longer configured, or points at a deployment no longer served, fails start with its name.
     */
    public static StageRegistry open(Map<String, StageSettings> configured, Map<String, String> configuredDeployments,
            String defaultDeploymentId, Set<String> deploymentIds, StageStore store, long now) {
        List<String> problems = new ArrayList<>();
        Map<String, LiveStage> stages = new LinkedHashMap<>();
        configured.forEach((name, settings) -> {
            String deployment = configuredDeployments.getOrDefault(name, defaultDeploymentId);
            if (!deploymentIds.contains(deployment)) {
                problems.add("turnpike.stage." + name + ".deploymentId: no deployment '" + deployment
                        + "' is served (served: " + String.join(", ", deploymentIds) + ")");
            }
            stages.put(name, new LiveStage(settings, deployment, now, now));
        });
        Map<String, StoredStage> kept;
        try {
            kept = store.load();
        } catch (RuntimeException e) {
            throw new ConfigException(List.of(e.getMessage()));
        }
        for (StoredStage stored : kept.values()) {
            LiveStage stage = stages.get(stored.name());
            if (stage == null) {
                problems.add("turnpike.management.store: " + store + " keeps stage '" + stored.name()
                        + "', which is not configured (turnpike.stages)");
                continue;
            }
            LiveStage restored = new LiveStage(new StageSettings(stored.name(), stored.variables(),
                    stored.methodSettings(), stored.canary()), stored.deploymentId(),
                    stored.createdMillis(), stored.lastUpdatedMillis());
            String problem = problem(restored, deploymentIds);
            if (problem != null) {
                problems.add("turnpike.management.store: " + store + ", stage '" + stored.name() + "': " + problem);
                continue;
            }
            stages.put(stored.name(), restored);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new StageRegistry(deploymentIds, store, stages);
    }

    /** These stages on {@code deploymentId}, changes kept in memory only. */
    public static StageRegistry inMemory(Map<String, StageSettings> stages, String deploymentId) {
        return open(stages, Map.of(), deploymentId, Set.of(deploymentId), StageStore.IN_MEMORY,
                System.currentTimeMillis());
    }

    /** The stage named so, or {@code null} when it is not served. One volatile read: the request path's. */
    public LiveStage stage(String name) {
        return stages.get(name);
    }

    /** Every stage served now. */
    public Collection<LiveStage> stages() {
        return stages.values();
    }

    /**
     * Applies {@code change} to the stage named so, keeps the result and serves it from the next request on.
     *
     * @return the stage as changed, or {@code null} when no stage has that name
     * @throws IllegalArgumentException when the changed stage is not acceptable (its message says why); nothing
     *     changes then
     * @throws java.io.UncheckedIOException when the store cannot keep it; nothing changes then
     */
    public synchronized LiveStage update(String name, UnaryOperator<LiveStage> change) {
        LiveStage current = stages.get(name);
        if (current == null) {
            return null;
        }
        LiveStage changed = change.apply(current);
        String problem = problem(changed, deploymentIds);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        store.save(StoredStage.of(changed));
        Map<String, LiveStage> next = new LinkedHashMap<>(stages);
        next.put(name, changed);
        stages = Map.copyOf(next);
        if (!changed.settings().methodSettings().equals(current.settings().methodSettings())) {
            methodSettingsChanged.accept(settings());
        }
        return changed;
    }

    /** Every stage's settings by name, as served now. */
    public Map<String, StageSettings> settings() {
        Map<String, StageSettings> byName = new LinkedHashMap<>();
        stages.forEach((name, stage) -> byName.put(name, stage.settings()));
        return byName;
    }

    /**
     * Who rebuilds what depends on method settings (the throttle's method buckets) when an update changes them;
     * it gets every stage's settings.
     */
    public void onMethodSettingsChange(Consumer<Map<String, StageSettings>> listener) {
        this.methodSettingsChanged = listener;
    }

    /** The deployments a stage may point at. */
    public Set<String> deploymentIds() {
        return deploymentIds;
    }

    /** Why {@code stage} cannot be served, or {@code null}. */
    private static String problem(LiveStage stage, Set<String> deploymentIds) {
        if (!deploymentIds.contains(stage.deploymentId())) {
            return "Invalid deployment id specified: " + stage.deploymentId();
        }
        for (Map.Entry<String, String> v : stage.settings().variables().entrySet()) {
            if (!VARIABLE_NAME.matcher(v.getKey()).matches()) {
                return "Stage variable names may only contain A-Z, a-z, 0-9 and _: '" + v.getKey() + "'";
            }
            if (v.getValue().length() > MAX_VARIABLE_VALUE) {
                return "Stage variable value for '" + v.getKey() + "' is longer than 512 characters";
            }
        }
        CanarySettings canary = stage.settings().canary();
        if (canary != null) {
            if (!(canary.percentTraffic() >= 0 && canary.percentTraffic() <= 100)) {
                return "Canary percentTraffic must be between 0.0 and 100.0: " + canary.percentTraffic();
            }
            if (canary.deploymentId() != null && !deploymentIds.contains(canary.deploymentId())) {
                return "Invalid canary deployment id specified: " + canary.deploymentId();
            }
        }
        return null;
    }

    /** The store of {@code turnpike.management.store}: nothing, {@code file:<path>}, or {@code redis}. */
    public StageStore store() {
        return store;
    }
}
