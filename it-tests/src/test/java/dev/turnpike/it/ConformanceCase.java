package dev.turnpike.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One case of {@code shared/conformance/vtl/cases.json} (format: SEMANTICS.md §14). */
record ConformanceCase(JsonObject json) {

    static final String HOST = "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com";

    static List<ConformanceCase> load(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file); JsonReader reader = Json.createReader(in)) {
            List<ConformanceCase> cases = new ArrayList<>();
            for (JsonValue value : reader.readArray()) {
                cases.add(new ConformanceCase(value.asJsonObject()));
            }
            return cases;
        }
    }

    String id() {
        return json.getString("id");
    }

    String phase() {
        return json.getString("phase");
    }

    String template() {
        return json.getString("template");
    }

    /** The response template of a pipeline case; {@code null} when it has none. */
    String responseTemplate() {
        return text(json.get("responseTemplate"));
    }

    JsonObject request() {
        return json.getJsonObject("request");
    }

    String method() {
        return request().getString("method");
    }

    String path() {
        return request().getString("path");
    }

    Map<String, String> headers() {
        return strings(request().getJsonObject("headers"));
    }

    /** The request's {@code Content-Type} as sent, or {@code null}. */
    String contentType() {
        return headers().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("Content-Type"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    Map<String, String> pathParams() {
        return strings(request().getJsonObject("pathParams"));
    }

    String body() {
        return text(request().get("body"));
    }

    JsonObject integrationResponse() {
        return json.getJsonObject("integrationResponse");
    }

    Map<String, String> stageVariables() {
        return strings(json.getJsonObject("stageVariables"));
    }

    JsonObject setup() {
        return json.containsKey("setup") ? json.getJsonObject("setup") : JsonValue.EMPTY_JSON_OBJECT;
    }

    String expected() {
        return json.getString("expected");
    }

    String compare() {
        return json.getString("compare");
    }

    Integer expectedStatus() {
        return json.containsKey("expectedStatus") ? json.getInt("expectedStatus") : null;
    }

    Map<String, String> expectedHeaders() {
        return json.containsKey("expectedHeaders") ? strings(json.getJsonObject("expectedHeaders")) : Map.of();
    }

    /**
     * The resource the case's API has: the setup's, else the request path with each path parameter's value put back
     * as {@code {name}}.
     */
    String resource() {
        if (setup().containsKey("resource")) {
            return setup().getString("resource");
        }
        if (setup().containsKey("resources")) {
            return setup().getJsonObject("resources").keySet().iterator().next();
        }
        String path = path();
        for (Map.Entry<String, String> p : pathParams().entrySet()) {
            path = path.replace("/" + p.getValue(), "/{" + p.getKey() + "}");
        }
        return path;
    }

    /**
     * Request headers the recording sent that Jetty refuses before any filter runs: {@code Upgrade} without
     * {@code Connection: upgrade} is a 400 ("Invalid h2c upgrade headers") there. It is left out; that templates
     * never see it is the template runtime's unit test's to show.
     */
    static final java.util.Set<String> REFUSED_BY_THE_CONTAINER = java.util.Set.of("upgrade");

    /** The HTTP/1.1 request as the recording sent it, below {@code prefix} (context path and stage). */
    byte[] rawRequest(String prefix) {
        StringBuilder query = new StringBuilder();
        request().getJsonObject("query").forEach((name, value) -> query.append(query.length() == 0 ? "?" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(text(value), StandardCharsets.UTF_8)));
        StringBuilder head = new StringBuilder();
        head.append(method()).append(' ').append(prefix).append(path()).append(query).append(" HTTP/1.1\r\n");
        Map<String, String> headers = headers();
        if (headers.keySet().stream().noneMatch(name -> name.equalsIgnoreCase("Host"))) {
            head.append("Host: ").append(HOST).append("\r\n");
        }
        boolean chunked = headers.entrySet().stream().anyMatch(h -> h.getKey().equalsIgnoreCase("Transfer-Encoding")
                && h.getValue().equalsIgnoreCase("chunked"));
        headers.forEach((name, value) -> {
            if (!REFUSED_BY_THE_CONTAINER.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                head.append(name).append(": ").append(value).append("\r\n");
            }
        });
        byte[] body = body() == null ? new byte[0] : body().getBytes(StandardCharsets.UTF_8);
        StringBuilder framedBody = new StringBuilder();
        if (chunked) {
            if (body.length > 0) {
                framedBody.append(Integer.toHexString(body.length)).append("\r\n").append(body()).append("\r\n");
            }
            framedBody.append("0\r\n\r\n");
        } else if (body() != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
            framedBody.append(body());
        }
        head.append("\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] rest = framedBody.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[start.length + rest.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(rest, 0, all, start.length, rest.length);
        return all;
    }

    /** The body to compare: the {@code $context} dump's per-request values replaced by the recording's. */
    String normalize(String body) {
        JsonObject context = json.getJsonObject("context");
        if (!context.containsKey("identity")) {
            return body;
        }
        Map<String, String> recorded = new LinkedHashMap<>();
        context.forEach((name, value) -> recorded.put(name, text(value)));
        context.getJsonObject("identity").forEach((name, value) -> recorded.put(name, text(value)));
        return VtlConformanceTest.normalizeContextDump(body, recorded);
    }

    static Map<String, String> strings(JsonObject object) {
        Map<String, String> values = new LinkedHashMap<>();
        object.forEach((name, value) -> values.put(name, text(value)));
        return values;
    }

    /** A JSON value as the text a header or body would carry; {@code null} for JSON null. */
    static String text(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        if (value instanceof JsonNumber || value instanceof JsonArray || value instanceof JsonObject) {
            return value.toString();
        }
        return value.toString();
    }
}
