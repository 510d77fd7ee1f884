package dev.turnpike.runtime.websocket;

import java.time.Instant;

/**
 * One call of a route's integration: which route, for which connection, why, and the ids API Gateway gives it.
 *
 * @param messageId the message's id on MESSAGE, {@code null} otherwise
 * @param closeCode the close frame's code on DISCONNECT
 */
record RouteCall(WebSocketRoute route, Connection connection, WebSocketEvent.Type type, String apiId,
        String requestId, String messageId, Instant time, int closeCode, String closeReason) {
}
