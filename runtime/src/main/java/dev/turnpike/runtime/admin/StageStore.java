package dev.turnpike.runtime.admin;

import java.util.Map;

/**
 * Where changes made through the management API are kept, so a restart loses none: the stages as last changed,
 * read once at start over the configured ones. {@link #save} runs before a change is served, so a change that
 * could not be kept is refused instead of silently lost at the next restart.
 */
public interface StageStore extends AutoCloseable {

    /** The stages kept so far, by name; empty when nothing was changed yet. */
    Map<String, StoredStage> load();

    /** Keeps {@code stage}, replacing what was kept for its name. */
    void save(StoredStage stage);

    /**
     * The configuration entries added at run time (API keys and usage plans: {@code turnpike.apiKeys.*},
     * {@code turnpike.usagePlans.*}); empty when none were.
     */
    default Map<String, String> loadEntries() {
        return Map.of();
    }

    /** Keeps {@code entries} as every entry added at run time so far, replacing what was kept. */
    default void saveEntries(Map<String, String> entries) {
    }

    @Override
    default void close() {
    }

    /** Keeps nothing: changes last until the application stops (no {@code turnpike.management.store}). */
    StageStore IN_MEMORY = new StageStore() {
        @Override
        public Map<String, StoredStage> load() {
            return Map.of();
        }

        @Override
        public void save(StoredStage stage) {
        }

        @Override
        public String toString() {
            return "in memory";
        }
    };
}
