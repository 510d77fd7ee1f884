package dev.turnpike.runtime.integration;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves Lambda payloads between JSON and the Java types a handler declares, as the Lambda Java runtime does for
 * the shapes handlers use: {@code Map}, {@code List}, strings, numbers, booleans, and beans with public
 * {@code getX}/{@code setX} accessors (the aws-lambda-java-events types are such beans). Unknown JSON members are
 * ignored; {@code null} bean properties are left out of the JSON.
 */
final class LambdaJson {

    private LambdaJson() {
    }

    /** {@code json} as an instance of {@code type}. */
    static Object fromJson(JsonValue json, Type type) {
        if (json == null || json.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        Class<?> raw = rawClass(type);
        if (raw == Object.class) {
            return plain(json);
        }
        if (raw == String.class) {
            return json instanceof JsonString s ? s.getString() : json.toString();
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return json.getValueType() == JsonValue.ValueType.TRUE;
        }
        if (json instanceof JsonNumber n) {
            if (raw == Integer.class || raw == int.class) {
                return n.intValue();
            }
            if (raw == Long.class || raw == long.class) {
                return n.longValue();
            }
            if (raw == Double.class || raw == double.class) {
                return n.doubleValue();
            }
            return n.numberValue();
        }
        if (Map.class.isAssignableFrom(raw) && json instanceof JsonObject object) {
            Type valueType = typeArgument(type, 1);
            Map<String, Object> map = new LinkedHashMap<>();
            object.forEach((name, value) -> map.put(name, fromJson(value, valueType)));
            return map;
        }
        if (Collection.class.isAssignableFrom(raw) && json instanceof JsonArray array) {
            Type elementType = typeArgument(type, 0);
            List<Object> list = new ArrayList<>(array.size());
            array.forEach(value -> list.add(fromJson(value, elementType)));
            return list;
        }
        if (json instanceof JsonObject object) {
            return bean(object, raw);
        }
        throw new IllegalArgumentException("cannot read " + json.getValueType() + " as " + raw.getName());
    }

    /** {@code value} (a map, list, scalar or bean) as JSON. */
    static JsonValue toJson(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue json) {
            return json;
        }
        if (value instanceof String s) {
            return Json.createValue(s);
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return Json.createValue(((Number) value).longValue());
        }
        if (value instanceof Number n) {
            return Json.createValue(n.doubleValue());
        }
        if (value instanceof Character || value instanceof Enum<?>) {
            return Json.createValue(value.toString());
        }
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder object = Json.createObjectBuilder();
            map.forEach((k, v) -> object.add(String.valueOf(k), toJson(v)));
            return object.build();
        }
        if (value instanceof Iterable<?> items) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            items.forEach(item -> array.add(toJson(item)));
            return array.build();
        }
        if (value instanceof Object[] items) {
            return toJson(List.of(items));
        }
        JsonObjectBuilder object = Json.createObjectBuilder();
        for (Method getter : value.getClass().getMethods()) {
            String property = property(getter, "get");
            if (property == null || getter.getParameterCount() != 0 || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            try {
                Object v = getter.invoke(value);
                if (v != null) {
                    object.add(property, toJson(v));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("cannot read " + getter, e);
            }
        }
        return object.build();
    }

    /** JSON as plain Java: {@code Map}, {@code List}, {@code String}, {@code Integer}/{@code Long}/... */
    static Object plain(JsonValue json) {
        switch (json.getValueType()) {
            case OBJECT:
                Map<String, Object> map = new LinkedHashMap<>();
                json.asJsonObject().forEach((k, v) -> map.put(k, plain(v)));
                return map;
            case ARRAY:
                List<Object> list = new ArrayList<>();
                json.asJsonArray().forEach(v -> list.add(plain(v)));
                return list;
            case STRING:
                return ((JsonString) json).getString();
            case NUMBER:
                JsonNumber n = (JsonNumber) json;
                if (n.isIntegral()) {
                    long l = n.longValue();
                    return l == (int) l ? (Object) (int) l : (Object) l;
                }
                return n.doubleValue();
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    private static Object bean(JsonObject object, Class<?> type) {
        Object bean;
        try {
            bean = type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(type.getName() + " has no public no-argument constructor", e);
        }
        for (Method setter : type.getMethods()) {
            String property = property(setter, "set");
            if (property == null || setter.getParameterCount() != 1 || !object.containsKey(property)) {
                continue;
            }
            try {
                setter.invoke(bean, fromJson(object.get(property), setter.getGenericParameterTypes()[0]));
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("cannot set " + property + " of " + type.getName(), e);
            }
        }
        return bean;
    }

    /** {@code statusCode} of {@code getStatusCode}; {@code null} for other methods. */
    private static String property(Method method, String prefix) {
        String name = method.getName();
        if (Modifier.isStatic(method.getModifiers()) || !name.startsWith(prefix) || name.length() == prefix.length()) {
            return null;
        }
        return Character.toLowerCase(name.charAt(prefix.length())) + name.substring(prefix.length() + 1);
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }
}
