package dev.turnpike.runtime.integration;

import dev.turnpike.runtime.http.Headers;
import dev.turnpike.runtime.pipeline.Exchange;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An integration response's {@code responseParameters}: each {@code method.response.header.X} from a
 * {@code 'literal'}, {@code integration.response.header.Y}, {@code integration.response.multivalueheader.Y},
 * {@code integration.response.body}, {@code integration.response.body.<JSONPath>}, {@code stageVariables.Z} or
 * {@code context.Z}. Headers API Gateway reserves come back renamed {@code x-amzn-Remapped-<name>}, as AWS
 * renames them; {@code Transfer-Encoding} is dropped (SEMANTICS.md §4).
 */
final class ResponseParameters {

    private static final String TARGET = "method.response.header.";
    private static final Set<String> REMAPPED = Set.of("authorization", "connection", "content-length", "content-md5",
            "date", "expect", "host", "max-forwards", "proxy-authenticate", "server", "trailer", "upgrade",
            "user-agent", "www-authenticate");

    private ResponseParameters() {
    }

    /** The mapped headers, added to {@code headers}; a source without a value maps nothing. */
    static void apply(Map<String, String> parameters, Exchange exchange, Map<String, List<String>> backendHeaders,
            String backendBody, Headers headers) {
        QueryString query = null;
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            if (!p.getKey().startsWith(TARGET)) {
                continue;
            }
            String name = p.getKey().substring(TARGET.length());
            String source = p.getValue();
            String value;
            if (source.startsWith("integration.response.header.")) {
                List<String> values = header(backendHeaders, source.substring("integration.response.header.".length()));
                value = values.isEmpty() ? null : values.get(values.size() - 1);
            } else if (source.startsWith("integration.response.multivalueheader.")) {
                List<String> values = header(backendHeaders,
                        source.substring("integration.response.multivalueheader.".length()));
                value = values.isEmpty() ? null : String.join(",", values);
            } else if (source.equals("integration.response.body")) {
                value = backendBody;
            } else if (source.startsWith("integration.response.body.")) {
                value = jsonPath(backendBody, source.substring("integration.response.body.".length()));
            } else {
                if (query == null) {
                    query = QueryString.parse(exchange.clientRequest().rawQuery());
                }
                value = ParameterSources.evaluate(source, exchange, query);
            }
            if (value != null) {
                put(headers, name, value);
            }
        }
    }

    /** Sets a method response header as AWS does, renaming the reserved ones. */
    static void put(Headers headers, String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("transfer-encoding")) {
            return;
        }
        headers.set(REMAPPED.contains(lower) ? "x-amzn-Remapped-" + name : name, value);
    }

    private static List<String> header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return List.of();
    }

    /**
     * The value at a dotted path ({@code a.b[0].c}, with or without a leading {@code $.}) of a JSON body: a string as
     * its text, anything else as compact JSON; {@code null} when the body is not JSON or has nothing there.
     */
    static String jsonPath(String body, String path) {
        JsonValue node;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            node = reader.readValue();
        } catch (JsonException e) {
            return null;
        }
        String rest = path.startsWith("$.") ? path.substring(2) : path.equals("$") ? "" : path;
        for (String part : rest.isEmpty() ? new String[0] : rest.split("\\.")) {
            String name = part;
            int bracket = part.indexOf('[');
            if (bracket >= 0) {
                name = part.substring(0, bracket);
            }
            if (!name.isEmpty()) {
                if (!(node instanceof JsonObject object) || !object.containsKey(name)) {
                    return null;
                }
                node = object.get(name);
            }
            while (bracket >= 0) {
                int close = part.indexOf(']', bracket);
                if (close < 0 || !(node instanceof JsonArray array)) {
                    return null;
                }
                int index;
                try {
                    index = Integer.parseInt(part.substring(bracket + 1, close).trim());
                } catch (NumberFormatException e) {
                    return null;
                }
                if (index < 0 || index >= array.size()) {
                    return null;
                }
                node = array.get(index);
                bracket = part.indexOf('[', close);
            }
        }
        if (node == null || node.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return node instanceof JsonString string ? string.getString() : node.toString();
    }
}
