package dev.turnpike.filter.websocket;

import dev.turnpike.runtime.websocket.Connection;
import dev.turnpike.runtime.websocket.WebSocketGateway;
import dev.turnpike.runtime.websocket.WebSocketSettings;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.nio.charset.StandardCharsets;

/**
 * One accepted connection's endpoint: hands whole text messages to the gateway and reports the close. Messages
 * arrive in parts so that the 128 KB limit is the gateway's, whatever the container's buffer sizes; a message over
 * it closes the connection (1009) as API Gateway does. Public only because containers refuse endpoint classes
 * that are not.
 */
public final class GatewayEndpoint extends Endpoint {

    private final WebSocketGateway gateway;
    private final Connection connection;

    GatewayEndpoint(WebSocketGateway gateway, Connection connection) {
        this.gateway = gateway;
        this.connection = connection;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        // The gateway keeps its own idle timer (API Gateway's 10 minutes), so the container's must not end first.
        session.setMaxIdleTimeout(0);
        gateway.opened(connection, new SessionConnection(session));
        session.addMessageHandler(String.class, new MessageHandler.Partial<String>() {
            private final StringBuilder message = new StringBuilder();
            private int bytes;
            private boolean tooBig;

            @Override
            public void onMessage(String part, boolean last) {
                if (!tooBig) {
                    bytes += part.getBytes(StandardCharsets.UTF_8).length;
                    if (bytes > WebSocketSettings.MAX_MESSAGE_BYTES) {
                        tooBig = true;
                        message.setLength(0);
                        gateway.tooBig(connection);
                    } else {
                        message.append(part);
                    }
                }
                if (last) {
                    if (!tooBig) {
                        gateway.message(connection, message.toString());
                    }
                    message.setLength(0);
                    bytes = 0;
                    tooBig = false;
                }
            }
        });
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        gateway.closed(connection, closeReason.getCloseCode().getCode(), closeReason.getReasonPhrase());
    }
}
