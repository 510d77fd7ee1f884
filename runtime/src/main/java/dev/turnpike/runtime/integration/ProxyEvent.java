package dev.turnpike.runtime.integration;

import dev.turnpike.runtime.http.ClientRequest;
import dev.turnpike.runtime.pipeline.Exchange;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Lambda proxy event, payload format 1.0, as API Gateway builds it for a REST API: the recorded events of
 * shared/conformance/lambda-events/rest-v1.proxy-event.*.json, field for field (SEMANTICS.md §5).
 */
final class ProxyEvent {

    /**
     * Request headers the event leaves out: those hidden from templates, {@code Content-Length} and hop-by-hop
     * fields (recorded: rest-v1.proxy-event.regional-header-filtering.json). The {@code X-Forwarded-*} fields are
     * API Gateway's own, set below.
     */
    static final Set<String> HEADERS_DROPPED = Set.of("connection", "content-md5", "expect", "max-forwards",
            "proxy-authenticate", "server", "te", "trailer", "transfer-encoding", "upgrade", "www-authenticate",
            "content-length", "keep-alive", "proxy-connection", "proxy-authorization", "x-forwarded-for",
            "x-forwarded-port", "x-forwarded-proto", "x-amzn-trace-id");

    /** Well-known names the recorded events spell canonically whatever the client's case. */
    private static final Map<String, String> CANONICAL = canonical("Accept", "Accept-Charset", "Accept-Encoding",
            "Accept-Language", "Authorization", "Cache-Control", "Content-Encoding", "Content-Type", "Cookie", "Date",
            "Host", "Origin", "Pragma", "Range", "Referer", "User-Agent", "Via", "Warn", "Age", "If-Match",
            "If-None-Match", "If-Modified-Since");

    private ProxyEvent() {
    }

    /** The event for {@code exchange}; {@code body} is the client's whole body. */
    static JsonValue of(Exchange exchange, byte[] body, List<String> binaryMediaTypes) {
        ClientRequest request = exchange.clientRequest();
        JsonObjectBuilder event = Json.createObjectBuilder();
        event.add("resource", exchange.operation().resourcePath());
        event.add("path", path(exchange.pathBelowStage()));
        event.add("httpMethod", request.method());
        headers(event, exchange);
        query(event, QueryString.parse(request.rawQuery()));
        event.add("pathParameters", pathParameters(exchange.match().pathParameters()));
        Map<String, String> stageVariables = exchange.stage().variables();
        event.add("stageVariables", stageVariables.isEmpty() ? JsonValue.NULL
                : LambdaJson.toJson(new java.util.TreeMap<>(stageVariables)));
        event.add("requestContext", requestContext(exchange));
        boolean binary = BinaryPayloads.isBinary(request.headers().first("Content-Type"), binaryMediaTypes);
        if (body.length == 0) {
            event.add("body", JsonValue.NULL);
        } else {
            event.add("body", binary ? Base64.getEncoder().encodeToString(body)
                    : new String(body, StandardCharsets.UTF_8));
        }
        event.add("isBase64Encoded", binary && body.length > 0);
        return event.build();
    }

    /** The path below the stage; a doubled slash right after the stage is collapsed, as AWS records it. */
    static String path(String pathBelowStage) {
        if (pathBelowStage == null || pathBelowStage.isEmpty()) {
            return "/";
        }
        int start = 0;
        while (start + 1 < pathBelowStage.length() && pathBelowStage.charAt(start + 1) == '/') {
            start++;
        }
        return pathBelowStage.substring(start);
    }

    private static void headers(JsonObjectBuilder event, Exchange exchange) {
        ClientRequest request = exchange.clientRequest();
        Map<String, List<String>> all = new LinkedHashMap<>();
        Map<String, String> spelling = new LinkedHashMap<>();
        request.headers().forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (HEADERS_DROPPED.contains(lower)) {
                return;
            }
            String spelled = spelling.computeIfAbsent(lower, l -> CANONICAL.getOrDefault(l, name));
            all.computeIfAbsent(spelled, n -> new ArrayList<>(1)).add(value);
        });
        String forwardedFor = request.headers().first("X-Forwarded-For");
        all.put("X-Amzn-Trace-Id", List.of(traceId(exchange.requestTimeEpoch())));
        all.put("X-Forwarded-For", List.of(forwardedFor == null || forwardedFor.isBlank()
                ? request.remoteAddress() : forwardedFor + ", " + request.remoteAddress()));
        all.put("X-Forwarded-Port", List.of(Integer.toString(request.localPort())));
        all.put("X-Forwarded-Proto", List.of("https"));
        JsonObjectBuilder single = Json.createObjectBuilder();
        JsonObjectBuilder multi = Json.createObjectBuilder();
        all.forEach((name, values) -> {
            single.add(name, values.get(values.size() - 1));
            JsonArrayBuilder list = Json.createArrayBuilder();
            values.forEach(list::add);
            multi.add(name, list);
        });
        event.add("headers", single);
        event.add("multiValueHeaders", multi);
    }

    private static void query(JsonObjectBuilder event, QueryString query) {
        if (query.asMap().isEmpty()) {
            event.add("queryStringParameters", JsonValue.NULL);
            event.add("multiValueQueryStringParameters", JsonValue.NULL);
            return;
        }
        JsonObjectBuilder single = Json.createObjectBuilder();
        JsonObjectBuilder multi = Json.createObjectBuilder();
        query.asMap().forEach((name, values) -> {
            single.add(name, values.get(values.size() - 1));
            JsonArrayBuilder list = Json.createArrayBuilder();
            values.forEach(list::add);
            multi.add(name, list);
        });
        event.add("queryStringParameters", single);
        event.add("multiValueQueryStringParameters", multi);
    }

    /** Raw (not percent-decoded) values; a greedy value loses a trailing slash. {@code null} when none. */
    private static JsonValue pathParameters(Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return JsonValue.NULL;
        }
        JsonObjectBuilder object = Json.createObjectBuilder();
        parameters.forEach((name, value) -> {
            String v = value;
            while (v.length() > 1 && v.endsWith("/")) {
                v = v.substring(0, v.length() - 1);
            }
            object.add(name, v);
        });
        return object.build();
    }

    private static JsonValue requestContext(Exchange exchange) {
        Map<String, Object> context = ContextVariables.of(exchange);
        JsonObjectBuilder object = Json.createObjectBuilder();
        for (String key : List.of("accountId", "apiId", "deploymentId", "domainName", "domainPrefix",
                "extendedRequestId", "httpMethod", "identity", "protocol", "requestId", "requestTime",
                "requestTimeEpoch", "resourceId", "resourcePath", "stage")) {
            object.add(key, LambdaJson.toJson(context.get(key)));
        }
        if (exchange.authorizer() != null) {
            object.add("authorizer", LambdaJson.toJson(ContextVariables.authorizer(exchange.authorizer())));
        }
        // With the stage; only doubled slashes before the stage are collapsed.
        object.add("path", path(exchange.clientRequest().path()));
        return object.build();
    }

    /** An X-Ray trace header like API Gateway's: {@code Root=1-<epoch seconds, hex>-<96 random bits, hex>}. */
    private static String traceId(long epochMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("Root=1-%08x-%08x%016x", epochMillis / 1000, random.nextInt(), random.nextLong());
    }

    private static Map<String, String> canonical(String... names) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String name : names) {
            map.put(name.toLowerCase(Locale.ROOT), name);
        }
        return Map.copyOf(map);
    }
}
