package dev.turnpike.runtime.websocket;

/**
 * The gateway's answer to a handshake: accepted with its connection, or refused with the HTTP status and body the
 * client gets instead of the upgrade.
 */
public record ConnectDecision(Connection connection, int status, String body, String errorType) {

    static ConnectDecision accept(Connection connection) {
        return new ConnectDecision(connection, 101, null, null);
    }

    /** A refusal; public for the container glue's own answers (a {@code $connect} that never decided). */
    public static ConnectDecision refuse(int status, String body, String errorType) {
        return new ConnectDecision(null, status, body, errorType);
    }

    public boolean accepted() {
        return connection != null;
    }
}
