package dev.turnpike.runtime.websocket;

import dev.turnpike.runtime.http.Headers;
import java.time.Instant;
import java.util.Map;
import java.util.List;

/**
 * One client connection from its accepted handshake to its close: what {@code GET @connections} reports and what
 * the events of its routes carry.
 */
public final class Connection {

    private final String id;
    private final Handshake handshake;
    private final Instant connectedAt;
    private volatile long lastActiveMillis;
    private volatile ClientConnection client;
    private volatile Map<String, Object> authorizer;

    Connection(String id, Handshake handshake, Instant connectedAt) {
        this.id = id;
        this.handshake = handshake;
        this.connectedAt = connectedAt;
        this.lastActiveMillis = connectedAt.toEpochMilli();
    }

    public String id() {
        return id;
    }

    public String stage() {
        return handshake.stage();
    }

    public Instant connectedAt() {
        return connectedAt;
    }

    public Instant lastActiveAt() {
        return Instant.ofEpochMilli(lastActiveMillis);
    }

    public String sourceIp() {
        return handshake.sourceIp();
    }

    public String userAgent() {
        return handshake.headers().first("User-Agent");
    }

    Headers headers() {
        return handshake.headers();
    }

    Map<String, List<String>> query() {
        return handshake.query();
    }

    String domainName() {
        return handshake.domainName();
    }

    /** {@code requestContext.authorizer} of this connection's events: principalId and the authorizer's context. */
    Map<String, Object> authorizer() {
        return authorizer;
    }

    void authorized(Map<String, Object> authorizer) {
        this.authorizer = authorizer;
    }

    void active(long nowMillis) {
        lastActiveMillis = nowMillis;
    }

    long lastActiveMillis() {
        return lastActiveMillis;
    }

    ClientConnection client() {
        return client;
    }

    void opened(ClientConnection client) {
        this.client = client;
    }

    @Override
    public String toString() {
        return "connection " + id + " on stage " + stage();
    }
}
