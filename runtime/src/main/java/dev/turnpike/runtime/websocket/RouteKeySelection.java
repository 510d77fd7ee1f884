package dev.turnpike.runtime.websocket;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses a message's route as API Gateway does: the route selection expression ({@code $request.body.action}, or
 * {@code ${request.body.action}}) names a property of a JSON message; its value is the route key. A message that is
 * not JSON, lacks the property, or names no route goes to {@code $default}.
 */
final class RouteKeySelection {

    /** The expressions served: a property path into the message body. */
    static final Pattern EXPRESSION =
            Pattern.compile("\\$\\{?request\\.body\\.([A-Za-z0-9_$-]+(?:\\.[A-Za-z0-9_$-]+)*)}?");

    private final List<String> path;
    private final Map<String, WebSocketRoute> routes;

    RouteKeySelection(String expression, Map<String, WebSocketRoute> routes) {
        Matcher m = EXPRESSION.matcher(expression);
        if (!m.matches()) {
            throw new IllegalArgumentException("unsupported route selection expression: " + expression);
        }
        this.path = List.of(m.group(1).split("\\."));
        this.routes = routes;
    }

    /** The route for {@code message}; {@code null} when it names none and there is no {@code $default}. */
    WebSocketRoute select(String message) {
        String key = keyOf(message);
        WebSocketRoute route = key == null || key.startsWith("$") ? null : routes.get(key);
        return route != null ? route : routes.get(WebSocketRoute.DEFAULT);
    }

    private String keyOf(String message) {
        JsonValue value;
        try (JsonReader reader = Json.createReader(new StringReader(message))) {
            value = reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            return null; // not JSON: $default
        }
        for (String property : path) {
            if (!(value instanceof JsonObject object)) {
                return null;
            }
            value = object.get(property);
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        if (value instanceof JsonNumber number) {
            return number.toString();
        }
        return null;
    }
}
