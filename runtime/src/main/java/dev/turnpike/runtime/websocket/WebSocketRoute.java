package dev.turnpike.runtime.websocket;

import java.util.Objects;

/**
 * One route of a WebSocket API ({@code AWS::ApiGatewayV2::Route}).
 *
 * @param routeKey {@code $connect}, {@code $disconnect}, {@code $default} or a custom key
 * @param apiKeyRequired whether {@code $connect} needs an enabled API key (only {@code $connect} may require one)
 * @param routeResponseSelectionExpression {@code $default} when the integration's answer is sent back to the
 *     client (a two-way route), {@code null} for a one-way route
 * @param integration what the route calls
 * @param authorizer the REQUEST authorizer of {@code $connect} ({@code authorizationType: CUSTOM}), or {@code null}
 */
public record WebSocketRoute(String routeKey, boolean apiKeyRequired, String routeResponseSelectionExpression,
        WebSocketIntegration integration, WebSocketAuthorizer authorizer) {

    public static final String CONNECT = "$connect";
    public static final String DISCONNECT = "$disconnect";
    public static final String DEFAULT = "$default";

    public WebSocketRoute {
        Objects.requireNonNull(routeKey, "routeKey");
        Objects.requireNonNull(integration, "integration");
    }

    /** A route without an authorizer. */
    public WebSocketRoute(String routeKey, boolean apiKeyRequired, String routeResponseSelectionExpression,
            WebSocketIntegration integration) {
        this(routeKey, apiKeyRequired, routeResponseSelectionExpression, integration, null);
    }

    /** Whether the client gets the integration's answer. */
    public boolean twoWay() {
        return routeResponseSelectionExpression != null;
    }
}
