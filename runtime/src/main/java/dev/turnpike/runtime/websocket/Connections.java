package dev.turnpike.runtime.websocket;

import java.util.concurrent.CompletableFuture;

/**
 * Where open connections are found by id: this node only ({@link LocalConnections}), or every node sharing a
 * Redis ({@link RedisConnections}), so that {@code @connections} on one node reaches a client on another.
 */
interface Connections extends AutoCloseable {

    /** Makes an opened connection reachable. */
    void add(Connection connection);

    /** Notes the connection's latest message (for {@code LastActiveAt}). */
    default void active(Connection connection) {
    }

    /** Forgets a closed connection. */
    void remove(Connection connection);

    /** Sends {@code text} to the client: completes {@code false} when the connection is gone. */
    CompletableFuture<Boolean> post(String connectionId, String text);

    /** The connection's information, or {@code null} when it is gone. */
    CompletableFuture<ConnectionInfo> info(String connectionId);

    /** Closes the connection (close code 1000): completes {@code false} when it is gone already. */
    CompletableFuture<Boolean> disconnect(String connectionId);

    @Override
    void close();
}
