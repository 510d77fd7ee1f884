package dev.turnpike.management;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;

/** Request bodies: one JSON object, read with JSON-P; anything else is AWS's {@code BadRequestException}. */
final class Bodies {

    private Bodies() {
    }

    static JsonObject object(String body) {
        try (var reader = Json.createReader(new StringReader(body == null || body.isBlank() ? "{}" : body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw ApiException.badRequest("Invalid JSON body: " + e.getMessage());
        }
    }

    /** The string field {@code name}, or {@code null} when absent or null; not a string is a bad request. */
    static String text(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw ApiException.badRequest("'" + name + "' must be a string");
        }
        return json.getString(name);
    }
}
