package dev.turnpike.runtime.admin;

import dev.turnpike.runtime.auth.ApiKeys;
import dev.turnpike.runtime.config.ConfigException;
import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.model.ShortIds;
import dev.turnpike.runtime.throttle.Throttling;
import dev.turnpike.runtime.throttle.UsagePlans;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * API keys and usage plans added at run time. An addition is configuration entries
 * ({@code turnpike.apiKeys.<name>.*}, {@code turnpike.usagePlans.<plan>.*}) laid over the configuration's, so it
 * is checked exactly as a configured key or plan is; once it passes, it is kept in the {@link StageStore} and the
 * live keys and plans are swapped, so the next request is metered by it.
 */
public final class UsagePlanRegistry {

    private final Map<String, String> configured;
    private final StageStore store;
    private final AtomicReference<ApiKeys> apiKeys;
    private final Throttling throttling;
    private Map<String, String> added;

    /**
     * @param configured the configuration's own entries
     * @param added what earlier additions left in the store (already part of {@code apiKeys} and {@code throttling})
     * @param apiKeys the live keys the pipeline reads; replaced on each addition
     */
    public UsagePlanRegistry(Map<String, String> configured, Map<String, String> added, StageStore store,
            AtomicReference<ApiKeys> apiKeys, Throttling throttling) {
        this.configured = Map.copyOf(configured);
        this.added = Map.copyOf(added);
        this.store = store;
        this.apiKeys = apiKeys;
        this.throttling = throttling;
    }

    /** {@code configured} with what the store kept of earlier additions laid over it. */
    public static Map<String, String> withKept(Map<String, String> configured, StageStore store) {
        Map<String, String> merged = new TreeMap<>(configured);
        merged.putAll(store.loadEntries());
        return merged;
    }

    /**
     * Adds {@code entries}: checked, kept, then served.
     *
     * @throws IllegalArgumentException naming what is wrong; nothing changes then
     * @throws java.io.UncheckedIOException when the store cannot keep them; nothing changes then
     */
    public synchronized void add(Map<String, String> entries) {
        Map<String, String> nextAdded = new TreeMap<>(added);
        nextAdded.putAll(entries);
        Map<String, String> merged = new TreeMap<>(configured);
        merged.putAll(nextAdded);
        TurnpikeConfig config;
        ApiKeys keys;
        UsagePlans plans;
        try {
            config = TurnpikeConfig.from(merged);
            keys = ApiKeys.fromConfig(merged);
            plans = UsagePlans.from(config);
        } catch (ConfigException e) {
            throw new IllegalArgumentException(String.join("; ", e.problems()), e);
        }
        store.saveEntries(nextAdded);
        throttling.replacePlans(config, plans);
        apiKeys.set(keys);
        added = Map.copyOf(nextAdded);
    }

    /** The live API keys. */
    public ApiKeys apiKeys() {
        return apiKeys.get();
    }

    /** The live usage plans. */
    public UsagePlans usagePlans() {
        return throttling.usagePlans();
    }

    /** What {@code keyName} has left of {@code planName}'s quota this period. */
    public CompletableFuture<Long> remainingQuota(String planName, String keyName) {
        return throttling.remainingQuota(planName, keyName);
    }

    /** A stable 10-character id for a plan, as API Gateway's ids look. */
    public String usagePlanId(String planName) {
        return ShortIds.of("usageplan:" + planName, 10);
    }
}
