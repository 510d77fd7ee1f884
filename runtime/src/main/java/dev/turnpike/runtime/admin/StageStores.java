package dev.turnpike.runtime.admin;

import dev.turnpike.runtime.config.ConfigException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The store {@code turnpike.management.store} names: none (in memory), {@code file:<path>} or {@code redis}. */
public final class StageStores {

    public static final String KEY = "turnpike.management.store";

    private StageStores() {
    }

    /**
     * @param apiId the API's id: a Redis store keeps each API's stages under its own key
     * @throws ConfigException when the value is none of the accepted forms
     */
    public static StageStore fromConfig(Map<String, String> values, String apiId) {
        String value = values.get(KEY);
        if (value == null) {
            return StageStore.IN_MEMORY;
        }
        if (value.startsWith("file:") && value.length() > "file:".length()) {
            return new FileStageStore(Path.of(value.substring("file:".length())));
        }
        if (value.equals("redis")) {
            String uri = values.get("turnpike.redis.uri");
            if (uri == null) {
                throw new ConfigException(List.of(KEY + ": 'redis' needs turnpike.redis.uri"));
            }
            return RedisStageStore.connect(uri, "turnpike:" + apiId);
        }
        throw new ConfigException(List.of(KEY + ": expected file:<path> or redis, got '" + value + "'"));
    }
}
