package dev.turnpike.runtime.websocket;

/**
 * The container's side of one open WebSocket connection, as the gateway needs it. Implementations never block:
 * a send is queued on the container's connection.
 */
public interface ClientConnection {

    /** Sends one text message. */
    void send(String text);

    /** Closes the connection with a close frame of {@code code} and {@code reason}. */
    void close(int code, String reason);
}
