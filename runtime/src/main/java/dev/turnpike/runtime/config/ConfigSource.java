package dev.turnpike.runtime.config;

import java.util.Map;

/**
 * One place configuration came from, for precedence and for messages.
 *
 * @param name what a user would recognise, e.g. {@code web.xml filter init-param} or a file path
 * @param values keys to values, as written there
 */
public record ConfigSource(String name, Map<String, String> values) {
    public ConfigSource {
        values = Map.copyOf(values);
    }
}
