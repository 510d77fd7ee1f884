package dev.turnpike.runtime.websocket;

import java.util.Map;

/**
 * One WebSocket API generated from one definition (API Gateway's {@code protocolType: WEBSOCKET}): its route
 * selection expression and its routes by route key. The generator writes one implementation per WebSocket
 * definition and lists it in {@code META-INF/services/dev.turnpike.runtime.websocket.WebSocketApi}, so the filter's
 * initializer finds it with {@link java.util.ServiceLoader}.
 */
public interface WebSocketApi {

    /** API Gateway's default, and the one a definition gets when it names none. */
    String DEFAULT_ROUTE_SELECTION_EXPRESSION = "$request.body.action";

    /** A short name from the definition's file name, e.g. {@code chat}. */
    String name();

    /** The definition's {@code info.title}. */
    String title();

    /** A deterministic id: a hash of the normalized definition. */
    String deploymentId();

    /** The definition file the API was generated from, for messages. */
    String source();

    /** {@code routeSelectionExpression}, e.g. {@code $request.body.action}. */
    String routeSelectionExpression();

    /** {@code apiKeySelectionExpression}, {@code $request.header.x-api-key} when routes require a key. */
    default String apiKeySelectionExpression() {
        return "$request.header.x-api-key";
    }

    /** Every route by its key: {@code $connect}, {@code $disconnect}, {@code $default} and custom keys. */
    Map<String, WebSocketRoute> routes();
}
