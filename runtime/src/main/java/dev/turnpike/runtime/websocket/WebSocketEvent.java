package dev.turnpike.runtime.websocket;

import dev.turnpike.runtime.http.Headers;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Lambda proxy event of a WebSocket route, in API Gateway's shape: {@code requestContext} with
 * {@code routeKey}, {@code eventType} ({@code CONNECT}, {@code MESSAGE}, {@code DISCONNECT}), {@code connectionId},
 * {@code messageId}, {@code domainName}, {@code stage}, ...; the handshake's headers and query string on CONNECT,
 * the message's {@code body} on MESSAGE.
 */
final class WebSocketEvent {

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

    enum Type { CONNECT, MESSAGE, DISCONNECT }

    private WebSocketEvent() {
    }

    /**
     * @param call what the route call is about
     * @param body the message for MESSAGE, {@code null} otherwise
     */
    static JsonObject of(RouteCall call, String body) {
        Connection connection = call.connection();
        Instant now = call.time();
        JsonObjectBuilder context = Json.createObjectBuilder()
                .add("routeKey", call.route().routeKey());
        if (call.messageId() != null) {
            context.add("messageId", call.messageId());
        }
        context.add("eventType", call.type().name())
                .add("extendedRequestId", call.requestId())
                .add("requestTime", REQUEST_TIME.format(now))
                .add("messageDirection", "IN")
                .add("stage", connection.stage())
                .add("connectedAt", connection.connectedAt().toEpochMilli())
                .add("requestTimeEpoch", now.toEpochMilli())
                .add("identity", identity(connection))
                .add("requestId", call.requestId())
                .add("domainName", connection.domainName())
                .add("connectionId", connection.id())
                .add("apiId", call.apiId());
        if (connection.authorizer() != null) {
            JsonObjectBuilder authorizer = Json.createObjectBuilder();
            connection.authorizer().forEach((name, value) -> {
                if (value instanceof Number number) {
                    authorizer.add(name, Json.createValue(number.toString().contains(".")
                            ? number.doubleValue() : number.longValue()));
                } else if (value instanceof Boolean flag) {
                    authorizer.add(name, flag);
                } else {
                    authorizer.add(name, String.valueOf(value));
                }
            });
            context.add("authorizer", authorizer);
        }
        if (call.type() == Type.DISCONNECT) {
            context.add("disconnectStatusCode", call.closeCode())
                    .add("disconnectReason", call.closeReason() == null ? "" : call.closeReason());
        }
        JsonObjectBuilder event = Json.createObjectBuilder();
        if (call.type() != Type.MESSAGE) {
            addHeaders(event, connection.headers());
        }
        if (call.type() == Type.CONNECT) {
            addQuery(event, connection.query());
        }
        event.add("requestContext", context);
        event.add("isBase64Encoded", false);
        if (body != null) {
            event.add("body", body);
        }
        return event.build();
    }

    private static JsonObjectBuilder identity(Connection connection) {
        JsonObjectBuilder identity = Json.createObjectBuilder();
        String userAgent = connection.userAgent();
        if (userAgent != null) {
            identity.add("userAgent", userAgent);
        }
        return identity.add("sourceIp", connection.sourceIp());
    }

    private static void addHeaders(JsonObjectBuilder event, Headers headers) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        headers.forEach((name, value) -> all.computeIfAbsent(name, n -> new java.util.ArrayList<>()).add(value));
        JsonObjectBuilder single = Json.createObjectBuilder();
        JsonObjectBuilder multi = Json.createObjectBuilder();
        all.forEach((name, values) -> {
            single.add(name, values.get(values.size() - 1));
            multi.add(name, array(values));
        });
        event.add("headers", single).add("multiValueHeaders", multi);
    }

    private static void addQuery(JsonObjectBuilder event, Map<String, List<String>> query) {
        if (query.isEmpty()) {
            return; // API Gateway leaves both out when there is no query string
        }
        JsonObjectBuilder single = Json.createObjectBuilder();
        JsonObjectBuilder multi = Json.createObjectBuilder();
        query.forEach((name, values) -> {
            single.add(name, values.get(values.size() - 1));
            multi.add(name, array(values));
        });
        event.add("queryStringParameters", single).add("multiValueQueryStringParameters", multi);
    }

    private static JsonArrayBuilder array(List<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }
}
