package dev.turnpike.runtime.websocket;

import java.time.Instant;

/** What {@code GET @connections/{id}} reports of a connection, wherever it is open. */
public record ConnectionInfo(Instant connectedAt, Instant lastActiveAt, String sourceIp, String userAgent) {

    static ConnectionInfo of(Connection connection) {
        return new ConnectionInfo(connection.connectedAt(), connection.lastActiveAt(), connection.sourceIp(),
                connection.userAgent());
    }
}
