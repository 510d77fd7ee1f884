package dev.turnpike.codegen.openapi;

import dev.turnpike.codegen.check.Diagnostics;
import dev.turnpike.codegen.model.JsonPointer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An object inside an {@code x-amazon-apigateway-*} extension, as swagger-parser hands it over (maps, lists and
 * scalars), read field by field with typed accessors. A value of the wrong kind is reported at its pointer and
 * read as absent, so reading goes on and finds the next problem too.
 */
final class ExtensionObject {

    private final Map<?, ?> fields;
    private final JsonPointer pointer;
    private final Diagnostics diagnostics;

    private ExtensionObject(Map<?, ?> fields, JsonPointer pointer, Diagnostics diagnostics) {
        this.fields = fields;
        this.pointer = pointer;
        this.diagnostics = diagnostics;
    }

    /** The object at {@code pointer}, or {@code null} (reported) when the value is not an object. */
    static ExtensionObject of(Object value, JsonPointer pointer, Diagnostics diagnostics) {
        if (value instanceof Map<?, ?> map) {
            return new ExtensionObject(map, pointer, diagnostics);
        }
        diagnostics.error(pointer, "expected an object, found " + describe(value));
        return null;
    }

    JsonPointer pointer() {
        return pointer;
    }

    /** Whether the field is there with a value; {@code uri:} with nothing after it is as good as absent. */
    boolean has(String field) {
        return fields.get(field) != null;
    }

    /** Every field must be one of {@code known}; each other one is an error at its own pointer. */
    void rejectUnknownFields(Collection<String> known, String where) {
        for (Object key : fields.keySet()) {
            String name = String.valueOf(key);
            if (!known.contains(name)) {
                diagnostics.error(pointer.append(name), "unknown field '" + name + "' in " + where + "; known fields: "
                        + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    /** A scalar as text ({@code statusCode: 200} reads as {@code "200"}); {@code null} when absent. */
    String string(String field) {
        return text(fields.get(field), pointer.append(field));
    }

    /** An integer, written as a number or as digits; {@code null} when absent or not an integer (reported). */
    Integer integer(String field) {
        Object value = fields.get(field);
        if (value == null) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, ((Number) value).longValue()));
        }
        if (value instanceof String s && s.matches("-?\\d{1,9}")) {
            return Integer.valueOf(s);
        }
        diagnostics.error(pointer.append(field), "expected an integer, found " + describe(value));
        return null;
    }

    /** A boolean, written as {@code true}/{@code false} or as that text; {@code null} when absent or not one (reported). */
    Boolean bool(String field) {
        Object value = fields.get(field);
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.valueOf(s);
        }
        diagnostics.error(pointer.append(field), "expected true or false, found " + describe(value));
        return null;
    }

    /** A map of text to text, in definition order; an entry whose value is not text is reported and skipped. */
    Map<String, String> stringMap(String field) {
        Map<String, String> result = new LinkedHashMap<>();
        ExtensionObject object = object(field);
        if (object != null) {
            for (Map.Entry<?, ?> entry : object.fields.entrySet()) {
                String key = String.valueOf(entry.getKey());
                // An empty mapping template ("application/json":) is legitimate and means "no body".
                String value = entry.getValue() == null ? "" : text(entry.getValue(), object.pointer.append(key));
                if (value != null) {
                    result.put(key, value);
                }
            }
        }
        return result;
    }

    /** A list of text; an element that is not text is reported and skipped. */
    List<String> stringList(String field) {
        List<String> result = new ArrayList<>();
        Object value = fields.get(field);
        if (value == null) {
            return result;
        }
        if (!(value instanceof List<?> list)) {
            diagnostics.error(pointer.append(field), "expected a list, found " + describe(value));
            return result;
        }
        for (int i = 0; i < list.size(); i++) {
            String element = text(list.get(i), pointer.append(field).append(i));
            if (element != null) {
                result.add(element);
            }
        }
        return result;
    }

    /** The nested object, or {@code null} when absent or not an object (reported). */
    ExtensionObject object(String field) {
        Object value = fields.get(field);
        return value == null ? null : of(value, pointer.append(field), diagnostics);
    }

    /** The nested object, which must be there: {@code null} when it is not (reported). */
    ExtensionObject requiredObject(String field) {
        return of(fields.get(field), pointer.append(field), diagnostics);
    }

    /** The names of the fields, in definition order. */
    Set<String> fieldNames() {
        Set<String> names = new LinkedHashSet<>();
        fields.keySet().forEach(key -> names.add(String.valueOf(key)));
        return names;
    }

    /** The names of the fields that have a value, in definition order. */
    List<String> fieldsWithValues() {
        return fieldNames().stream().filter(this::has).toList();
    }

    private String text(Object value, JsonPointer at) {
        if (value == null) {
            return null;
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        diagnostics.error(at, "expected a string, found " + describe(value));
        return null;
    }

    /**
     * What a value is, for messages. CloudFormation intrinsics get their own words: a SAM or CloudFormation template
     * body is not what API Gateway imports until CloudFormation has resolved them.
     */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                String key = String.valueOf(map.keySet().iterator().next());
                if (key.startsWith("Fn::") || key.equals("Ref")) {
                    return "the CloudFormation intrinsic " + key + ", which only CloudFormation resolves"
                            + " (generate from the definition as API Gateway imports it)";
                }
            }
            return "an object";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof Number) {
            return "the number " + value;
        }
        if (value instanceof Boolean) {
            return "the boolean " + value;
        }
        return "'" + value + "'";
    }
}
