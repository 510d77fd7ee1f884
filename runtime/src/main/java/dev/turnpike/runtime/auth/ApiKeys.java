package dev.turnpike.runtime.auth;

import dev.turnpike.runtime.config.ConfigException;
import dev.turnpike.runtime.model.ShortIds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The API keys of configuration: {@code turnpike.apiKeys.<name>.value=<key>} and optionally
 * {@code turnpike.apiKeys.<name>.enabled=false}. As in API Gateway a value is 20 to 128 characters and unique.
 */
public final class ApiKeys {

    /** One key; {@code id} is a stable 10-character id like API Gateway's, {@code $context.identity.apiKeyId}. */
    public record ApiKey(String name, String value, String id, boolean enabled) {
        @Override
        public String toString() {
            return "ApiKey[" + name + ", id " + id + (enabled ? "" : ", disabled") + "]"; // never the value
        }
    }

    private static final String PREFIX = "turnpike.apiKeys.";

    private final Map<String, ApiKey> byValue;
    private final Map<String, ApiKey> byName;

    private ApiKeys(Map<String, ApiKey> byName) {
        this.byName = Map.copyOf(byName);
        Map<String, ApiKey> values = new HashMap<>();
        byName.values().forEach(key -> values.put(key.value(), key));
        this.byValue = Map.copyOf(values);
    }

    /** The keys of {@code values}; throws {@link ConfigException} naming every bad key. */
    public static ApiKeys fromConfig(Map<String, String> values) {
        Map<String, ApiKey> keys = new TreeMap<>();
        Map<String, String> nameByValue = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : new TreeMap<>(values).entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(PREFIX)) {
                continue;
            }
            String name = key.substring(PREFIX.length(), key.lastIndexOf('.'));
            if (key.endsWith(".enabled")) {
                if (!values.containsKey(PREFIX + name + ".value")) {
                    problems.add(key + ": API key '" + name + "' has no value (set " + PREFIX + name + ".value)");
                }
                continue;
            }
            String value = e.getValue().trim();
            if (value.length() < 20 || value.length() > 128) {
                problems.add(key + ": an API key value is 20 to 128 characters, as in API Gateway; this one has "
                        + value.length());
                continue;
            }
            String other = nameByValue.putIfAbsent(value, name);
            if (other != null) {
                problems.add(key + ": the same value as " + PREFIX + other + ".value; API key values are unique");
                continue;
            }
            boolean enabled = !"false".equals(values.getOrDefault(PREFIX + name + ".enabled", "true").trim());
            keys.put(name, new ApiKey(name, value, id(name), enabled));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new ApiKeys(keys);
    }

    /** The key whose value the client sent, or {@code null} when none has it. */
    public ApiKey byValue(String value) {
        return value == null ? null : byValue.get(value);
    }

    public ApiKey byName(String name) {
        return byName.get(name);
    }

    /** Every key, by name. */
    public java.util.Collection<ApiKey> all() {
        return new java.util.TreeMap<>(byName).values();
    }

    public boolean isEmpty() {
        return byName.isEmpty();
    }

    private static String id(String name) {
        return ShortIds.of("apikey:" + name, 10);
    }
}
