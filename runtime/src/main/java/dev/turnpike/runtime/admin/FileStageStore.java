package dev.turnpike.runtime.admin;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
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
 * Keeps changed stages in one JSON file ({@code turnpike.management.store=file:<path>}): an object of stages by
 * name. Each save writes a temporary file beside it and moves it over the old one, so a crash mid-write leaves the
 * previous file whole.
 */
final class FileStageStore implements StageStore {

    private final Path file;
    private final Map<String, StoredStage> stages = new LinkedHashMap<>();

    FileStageStore(Path file) {
        this.file = file.toAbsolutePath();
    }

    @Override
    public synchronized Map<String, StoredStage> load() {
        stages.clear();
        if (Files.exists(file)) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("turnpike.management.store: cannot read " + file, e);
            }
            try (var reader = Json.createReader(new StringReader(text))) {
                for (Map.Entry<String, JsonValue> e : reader.readObject().entrySet()) {
                    stages.put(e.getKey(), StoredStage.fromJson(e.getValue().toString()));
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("turnpike.management.store: " + file + ": " + e.getMessage(), e);
            }
        }
        return Map.copyOf(stages);
    }

    @Override
    public synchronized void save(StoredStage stage) {
        Map<String, StoredStage> next = new LinkedHashMap<>(stages);
        next.put(stage.name(), stage);
        JsonObjectBuilder json = Json.createObjectBuilder();
        next.forEach((name, s) -> json.add(name, Json.createReader(new StringReader(s.toJson())).readObject()));
        try {
            Path parent = file.getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            Files.writeString(temporary, json.build().toString(), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        stages.clear();
        stages.putAll(next);
    }

    @Override
    public String toString() {
        return "file " + file;
    }
}
