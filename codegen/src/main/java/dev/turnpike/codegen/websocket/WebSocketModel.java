package dev.turnpike.codegen.websocket;

import java.util.List;

/**
 * A WebSocket definition, read and checked: what {@link WebSocketApiEmitter} writes as a {@code WebSocketApi}.
 *
 * @param title {@code info.title}
 * @param routeSelectionExpression {@code $request.body.action} unless the definition sets another
 * @param apiKeySelectionExpression {@code $request.header.x-api-key} unless the definition sets another
 * @param routes in definition order
 */
public record WebSocketModel(String title, String routeSelectionExpression, String apiKeySelectionExpression,
        List<RouteModel> routes) {

    public WebSocketModel {
        routes = List.copyOf(routes);
    }
}
