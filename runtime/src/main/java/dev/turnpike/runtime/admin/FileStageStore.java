package dev.turnpike.runtime.admin;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps changed stages in one JSON file ({@code turnpike.management.store=file:<path>}):
 * {@code {"stages": {<name>: {...}}, "configuration": {<key>: <value>}}}, the latter the API keys and usage plans
 * added at run time. Each save writes a temporary file beside it and moves it over the old one, so a crash mid-write leaves the
 * previous file whole.
 */
final class FileStageStore implements StageStore {

    private final Path file;
    private final Map<String, StoredStage> stages = new LinkedHashMap<>();
    private final Map<String, String> entries = new LinkedHashMap<>();

    FileStageStore(Path file) {
        this.file = file.toAbsolutePath();
    }

    @Override
    public synchronized Map<String, StoredStage> load() {
        stages.clear();
        entries.clear();
        if (Files.exists(file)) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("turnpike.management.store: cannot read " + file, e);
            }
            try (var reader = Json.createReader(new StringReader(text))) {
                JsonObject root = reader.readObject();
                JsonObject kept = root.getJsonObject("stages");
                if (kept != null) {
                    for (Map.Entry<String, JsonValue> e : kept.entrySet()) {
                        stages.put(e.getKey(), StoredStage.fromJson(e.getValue().toString()));
                    }
                }
                JsonObject configuration = root.getJsonObject("configuration");
                if (configuration != null) {
                    configuration.forEach((key, value) -> entries.put(key, ((JsonString) value).getString()));
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("turnpike.management.store: " + file + ": " + e.getMessage(), e);
            }
        }
        return Map.copyOf(stages);
    }

    @Override
    public synchronized Map<String, String> loadEntries() {
        if (stages.isEmpty() && entries.isEmpty()) {
            load();
        }
        return Map.copyOf(entries);
    }

    @Override
    public synchronized void save(StoredStage stage) {
        Map<String, StoredStage> next = new LinkedHashMap<>(stages);
        next.put(stage.name(), stage);
        write(next, entries);
        stages.clear();
        stages.putAll(next);
    }

    @Override
    public synchronized void saveEntries(Map<String, String> next) {
        write(stages, next);
        entries.clear();
        entries.putAll(next);
    }

    private void write(Map<String, StoredStage> stagesToKeep, Map<String, String> entriesToKeep) {
        JsonObjectBuilder kept = Json.createObjectBuilder();
        stagesToKeep.forEach((name, s) -> kept.add(name, Json.createReader(new StringReader(s.toJson())).readObject()));
        JsonObjectBuilder configuration = Json.createObjectBuilder();
        new java.util.TreeMap<>(entriesToKeep).forEach(configuration::add);
        JsonObjectBuilder json = Json.createObjectBuilder().add("stages", kept).add("configuration", configuration);
        try {
            Path parent = file.getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            Files.writeString(temporary, json.build().toString(), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "file " + file;
    }
}
