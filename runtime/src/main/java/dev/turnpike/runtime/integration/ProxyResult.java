package dev.turnpike.runtime.integration;

import dev.turnpike.runtime.http.Bodies;
import dev.turnpike.runtime.http.Headers;
import dev.turnpike.runtime.pipeline.MethodResponse;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * A Lambda proxy result mapped to the method response, with API Gateway's validation (recorded:
 * shared/conformance/lambda-events/rest-v1.proxy-response-validation.json, SEMANTICS.md §6-7). A result that
 * fails it is {@link Malformed}; the caller answers 502.
 */
final class ProxyResult {

    private static final Set<String> MEMBERS = Set.of("statusCode", "headers", "multiValueHeaders", "body",
            "isBase64Encoded");

    /** A result API Gateway cannot map, and why. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String reason) {
            super(reason, null, false, false);
        }
    }

    private ProxyResult() {
    }

    /**
     * @param accept the client's {@code Accept} header: a base64 body is decoded only when its first media type is
     *     one of the API's binary media types
     */
    static MethodResponse map(JsonValue result, String accept, List<String> binaryMediaTypes) throws Malformed {
        if (!(result instanceof JsonObject object)) {
            throw new Malformed("the result is not a JSON object: " + abbreviated(result));
        }
        if (object.isEmpty()) {
            throw new Malformed("the result is an empty object");
        }
        for (String member : object.keySet()) {
            if (!MEMBERS.contains(member)) {
                throw new Malformed("unknown member '" + member + "' in the result");
            }
        }
        int status = statusCode(object.get("statusCode"));
        Headers headers = new Headers();
        JsonValue multi = object.get("multiValueHeaders");
        if (multi != null && multi.getValueType() != JsonValue.ValueType.NULL) {
            if (!(multi instanceof JsonObject multiObject)) {
                throw new Malformed("multiValueHeaders is not an object");
            }
            for (var e : multiObject.entrySet()) {
                if (e.getValue().getValueType() == JsonValue.ValueType.NULL) {
                    continue;
                }
                if (e.getValue().getValueType() != JsonValue.ValueType.ARRAY) {
                    throw new Malformed("multiValueHeaders." + e.getKey() + " is not a list");
                }
                for (JsonValue v : e.getValue().asJsonArray()) {
                    headers.add(e.getKey(), text(v, "multiValueHeaders." + e.getKey()));
                }
            }
        }
        JsonValue single = object.get("headers");
        if (single != null && single.getValueType() != JsonValue.ValueType.NULL) {
            if (!(single instanceof JsonObject singleObject)) {
                throw new Malformed("headers is not an object");
            }
            for (var e : singleObject.entrySet()) {
                if (e.getValue().getValueType() == JsonValue.ValueType.NULL) {
                    continue;
                }
                String value = text(e.getValue(), "headers." + e.getKey());
                String spelled = spelling(headers, e.getKey());
                headers.add(spelled, value);
            }
        }
        if (!headers.contains("Content-Type")) {
            headers.add("Content-Type", "application/json");
        }
        boolean base64 = false;
        JsonValue flag = object.get("isBase64Encoded");
        if (flag != null && flag.getValueType() != JsonValue.ValueType.NULL) {
            if (flag.getValueType() != JsonValue.ValueType.TRUE && flag.getValueType() != JsonValue.ValueType.FALSE) {
                throw new Malformed("isBase64Encoded is not a boolean");
            }
            base64 = flag.getValueType() == JsonValue.ValueType.TRUE;
        }
        byte[] body = new byte[0];
        JsonValue bodyValue = object.get("body");
        if (bodyValue != null && bodyValue.getValueType() != JsonValue.ValueType.NULL) {
            if (!(bodyValue instanceof JsonString text)) {
                throw new Malformed("body is not a string");
            }
            body = text.getString().getBytes(StandardCharsets.UTF_8);
            if (base64 && acceptsBinary(accept, binaryMediaTypes)) {
                try {
                    body = Base64.getMimeDecoder().decode(text.getString());
                } catch (IllegalArgumentException e) {
                    throw new Malformed("body is not base64: " + e.getMessage());
                }
            }
        }
        headers.set("Content-Length", Integer.toString(body.length));
        return new MethodResponse(status, headers, Bodies.of(body));
    }

    private static int statusCode(JsonValue value) throws Malformed {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return 200;
        }
        int status;
        if (value instanceof JsonNumber n && n.isIntegral()) {
            status = n.intValue();
        } else if (value instanceof JsonString s) {
            try {
                status = Integer.parseInt(s.getString().trim());
            } catch (NumberFormatException e) {
                throw new Malformed("statusCode is not a number: " + s);
            }
        } else {
            throw new Malformed("statusCode is not a number: " + value);
        }
        if (status < 100 || status > 599) {
            throw new Malformed("statusCode out of range: " + status);
        }
        return status;
    }

    /** A header value: strings as they are, numbers and booleans as their JSON text. */
    private static String text(JsonValue value, String where) throws Malformed {
        switch (value.getValueType()) {
            case STRING:
                return ((JsonString) value).getString();
            case NUMBER:
            case TRUE:
            case FALSE:
                return value.toString();
            default:
                throw new Malformed(where + " is not a string: " + value.getValueType());
        }
    }

    /** A name already set from multiValueHeaders keeps that spelling: {@code tesT-Multi} + {@code test-multi}. */
    private static String spelling(Headers headers, String name) {
        String[] found = new String[1];
        headers.forEach((n, v) -> {
            if (found[0] == null && n.equalsIgnoreCase(name)) {
                found[0] = n;
            }
        });
        return found[0] == null ? name : found[0];
    }

    /** Whether the first media type of {@code Accept} is binary for this API. */
    private static boolean acceptsBinary(String accept, List<String> binaryMediaTypes) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        int comma = accept.indexOf(',');
        String first = (comma < 0 ? accept : accept.substring(0, comma)).trim();
        // A left wildcard (*/test) never matches, not even an Accept spelled the same (recorded).
        List<String> usable = binaryMediaTypes.stream().filter(t -> !t.startsWith("*/") || t.equals("*/*")).toList();
        return BinaryPayloads.isBinary(first, usable);
    }

    private static String abbreviated(JsonValue value) {
        String text = String.valueOf(value);
        return text.length() > 100 ? text.substring(0, 100) + "..." : text;
    }
}
