package dev.turnpike.runtime.admin;

import dev.turnpike.runtime.config.MethodSettings;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/** Method settings as the stores keep them: an object per {@code /path/METHOD} key, the fields that are set. */
final class MethodSettingsJson {

    private MethodSettingsJson() {
    }

    static JsonObjectBuilder write(Map<String, MethodSettings> byKey) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        byKey.forEach((key, s) -> {
            JsonObjectBuilder fields = Json.createObjectBuilder();
            if (s.metricsEnabled() != null) {
                fields.add("metricsEnabled", s.metricsEnabled());
            }
            if (s.loggingLevel() != null) {
                fields.add("loggingLevel", s.loggingLevel());
            }
            if (s.dataTraceEnabled() != null) {
                fields.add("dataTraceEnabled", s.dataTraceEnabled());
            }
            if (s.throttlingBurstLimit() != null) {
                fields.add("throttlingBurstLimit", s.throttlingBurstLimit());
            }
            if (s.throttlingRateLimit() != null) {
                fields.add("throttlingRateLimit", s.throttlingRateLimit());
            }
            if (s.cachingEnabled() != null) {
                fields.add("cachingEnabled", s.cachingEnabled());
            }
            if (s.cacheTtlInSeconds() != null) {
                fields.add("cacheTtlInSeconds", s.cacheTtlInSeconds());
            }
            if (s.cacheDataEncrypted() != null) {
                fields.add("cacheDataEncrypted", s.cacheDataEncrypted());
            }
            if (s.requireAuthorizationForCacheControl() != null) {
                fields.add("requireAuthorizationForCacheControl", s.requireAuthorizationForCacheControl());
            }
            if (s.unauthorizedCacheControlHeaderStrategy() != null) {
                fields.add("unauthorizedCacheControlHeaderStrategy", s.unauthorizedCacheControlHeaderStrategy());
            }
            json.add(key, fields);
        });
        return json;
    }

    static Map<String, MethodSettings> read(JsonObject json) {
        Map<String, MethodSettings> byKey = new LinkedHashMap<>();
        if (json == null) {
            return byKey;
        }
        for (Map.Entry<String, JsonValue> e : json.entrySet()) {
            JsonObject f = (JsonObject) e.getValue();
            byKey.put(e.getKey(), new MethodSettings(bool(f, "metricsEnabled"), text(f, "loggingLevel"),
                    bool(f, "dataTraceEnabled"), integer(f, "throttlingBurstLimit"), number(f, "throttlingRateLimit"),
                    bool(f, "cachingEnabled"), integer(f, "cacheTtlInSeconds"), bool(f, "cacheDataEncrypted"),
                    bool(f, "requireAuthorizationForCacheControl"), text(f, "unauthorizedCacheControlHeaderStrategy")));
        }
        return byKey;
    }

    private static Boolean bool(JsonObject f, String name) {
        return f.containsKey(name) ? f.getBoolean(name) : null;
    }

    private static String text(JsonObject f, String name) {
        return f.containsKey(name) ? ((JsonString) f.get(name)).getString() : null;
    }

    private static Integer integer(JsonObject f, String name) {
        return f.containsKey(name) ? ((JsonNumber) f.get(name)).intValueExact() : null;
    }

    private static Double number(JsonObject f, String name) {
        return f.containsKey(name) ? ((JsonNumber) f.get(name)).doubleValue() : null;
    }
}
