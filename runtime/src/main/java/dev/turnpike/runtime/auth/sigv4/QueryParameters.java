package dev.turnpike.runtime.auth.sigv4;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A raw query string as its {@code key=value} pairs, in arrival order, still encoded as received. */
final class QueryParameters {

    /** One pair; {@code rawValue} is empty for a bare {@code key}. */
    record Parameter(String rawKey, String rawValue) {
        String key() {
            return decoded(rawKey);
        }

        String value() {
            return decoded(rawValue);
        }
    }

    private final List<Parameter> parameters;

    private QueryParameters(List<Parameter> parameters) {
        this.parameters = parameters;
    }

    static QueryParameters parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return new QueryParameters(List.of());
        }
        List<Parameter> parameters = new ArrayList<>();
        for (String pair : rawQuery.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            parameters.add(equals < 0 ? new Parameter(pair, "")
                    : new Parameter(pair.substring(0, equals), pair.substring(equals + 1)));
        }
        return new QueryParameters(Collections.unmodifiableList(parameters));
    }

    List<Parameter> all() {
        return parameters;
    }

    /** The decoded value of the first parameter with this decoded name, or {@code null}. */
    String first(String key) {
        for (Parameter parameter : parameters) {
            if (parameter.key().equals(key)) {
                return parameter.value();
            }
        }
        return null;
    }

    boolean contains(String key) {
        return first(key) != null;
    }

    private static String decoded(String raw) {
        return new String(UriEncoding.decode(raw), StandardCharsets.UTF_8);
    }
}
