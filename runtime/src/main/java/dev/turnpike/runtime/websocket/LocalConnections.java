package dev.turnpike.runtime.websocket;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** The connections open on this node: the default, for a gateway of one node. */
final class LocalConnections implements Connections {

    private static final CompletableFuture<Boolean> DONE = CompletableFuture.completedFuture(Boolean.TRUE);
    private static final CompletableFuture<Boolean> GONE = CompletableFuture.completedFuture(Boolean.FALSE);

    private final Map<String, Connection> open = new ConcurrentHashMap<>();

    @Override
    public void add(Connection connection) {
        open.put(connection.id(), connection);
    }

    @Override
    public void remove(Connection connection) {
        open.remove(connection.id(), connection);
    }

    /** The connection open here, or {@code null}. */
    Connection get(String connectionId) {
        return open.get(connectionId);
    }

    @Override
    public CompletableFuture<Boolean> post(String connectionId, String text) {
        Connection connection = open.get(connectionId);
        if (connection == null) {
            return GONE;
        }
        connection.client().send(text);
        return DONE;
    }

    @Override
    public CompletableFuture<ConnectionInfo> info(String connectionId) {
        Connection connection = open.get(connectionId);
        return CompletableFuture.completedFuture(connection == null ? null : ConnectionInfo.of(connection));
    }

    @Override
    public CompletableFuture<Boolean> disconnect(String connectionId) {
        Connection connection = open.get(connectionId);
        if (connection == null) {
            return GONE;
        }
        connection.client().close(1000, "");
        return DONE;
    }

    @Override
    public void close() {
        // nothing held: the container closes its connections
    }
}
