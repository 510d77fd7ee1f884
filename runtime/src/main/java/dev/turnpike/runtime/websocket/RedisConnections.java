package dev.turnpike.runtime.websocket;

import dev.turnpike.runtime.config.ConfigException;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Connections of every node sharing one Redis ({@code turnpike.redis.uri}): each open connection is a hash
 * {@code turnpike:<apiId>:ws:connection:<id>} naming the node that holds it, and each node listens on its own
 * channel {@code turnpike:<apiId>:ws:node:<nodeId>}. A call for a connection held elsewhere is published to its
 * node, which sends to (or closes) its client; a node nobody listens for any more is gone, and so are its
 * connections.
 */
final class RedisConnections implements Connections {

    private static final System.Logger LOG = System.getLogger(RedisConnections.class.getName());
    private static final CompletableFuture<Boolean> DONE = CompletableFuture.completedFuture(Boolean.TRUE);
    private static final CompletableFuture<Boolean> GONE = CompletableFuture.completedFuture(Boolean.FALSE);
    private static final String POST = "POST ";
    private static final String DELETE = "DELETE ";

    private final LocalConnections local;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final StatefulRedisPubSubConnection<String, String> subscription;
    private final RedisAsyncCommands<String, String> redis;
    private final String prefix;
    private final String nodeChannel;
    private final String nodeId = UUID.randomUUID().toString();
    private final long keySeconds;

    private RedisConnections(LocalConnections local, RedisClient client,
            StatefulRedisConnection<String, String> connection,
            StatefulRedisPubSubConnection<String, String> subscription, String apiId, Duration maxLifetime) {
        this.local = local;
        this.client = client;
        this.connection = connection;
        this.subscription = subscription;
        this.redis = connection.async();
        this.prefix = "turnpike:" + apiId + ":ws:";
        this.nodeChannel = prefix + "node:" + nodeId;
        // A node that stops without closing its connections leaves keys behind: none outlives a connection's lifetime.
        this.keySeconds = maxLifetime.toSeconds() + 60;
    }

    /**
     * Connects to Redis and listens on this node's channel.
     *
     * @throws ConfigException when Redis does not answer: a node that other nodes cannot reach must not start
     */
    static RedisConnections open(String uri, String apiId, LocalConnections local, Duration maxLifetime) {
        RedisClient client = RedisClient.create();
        client.setOptions(ClientOptions.builder().autoReconnect(true).build());
        try {
            RedisURI redisUri = RedisURI.create(uri);
            StatefulRedisConnection<String, String> connection = client.connect(redisUri);
            StatefulRedisPubSubConnection<String, String> subscription = client.connectPubSub(redisUri);
            RedisConnections connections = new RedisConnections(local, client, connection, subscription, apiId,
                    maxLifetime);
            subscription.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    connections.delivered(message);
                }
            });
            subscription.sync().subscribe(connections.nodeChannel);
            return connections;
        } catch (RedisConnectionException | IllegalArgumentException e) {
            client.shutdown();
            throw new ConfigException(List.of("turnpike.redis.uri: WebSocket connections are shared through Redis,"
                    + " which does not answer at " + uri + ": " + e.getMessage()));
        }
    }

    /** A call another node published for a connection this node holds. */
    private void delivered(String message) {
        if (message.startsWith(POST)) {
            int newline = message.indexOf('\n');
            if (newline > 0) {
                local.post(message.substring(POST.length(), newline), message.substring(newline + 1));
            }
        } else if (message.startsWith(DELETE)) {
            local.disconnect(message.substring(DELETE.length()));
        }
    }

    private String key(String connectionId) {
        return prefix + "connection:" + connectionId;
    }

    @Override
    public void add(Connection opened) {
        local.add(opened);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("node", nodeId);
        fields.put("connectedAt", opened.connectedAt().toString());
        fields.put("lastActiveAt", opened.lastActiveAt().toString());
        fields.put("sourceIp", opened.sourceIp());
        if (opened.userAgent() != null) {
            fields.put("userAgent", opened.userAgent());
        }
        String key = key(opened.id());
        redis.hset(key, fields).thenCompose(added -> redis.expire(key, keySeconds))
                .exceptionally(failure -> logged("add", opened.id(), failure));
    }

    @Override
    public void active(Connection connection) {
        redis.hset(key(connection.id()), "lastActiveAt", connection.lastActiveAt().toString())
                .exceptionally(failure -> logged("touch", connection.id(), failure));
    }

    @Override
    public void remove(Connection closed) {
        local.remove(closed);
        redis.del(key(closed.id())).exceptionally(failure -> logged("remove", closed.id(), failure));
    }

    @Override
    public CompletableFuture<Boolean> post(String connectionId, String text) {
        if (local.get(connectionId) != null) {
            return local.post(connectionId, text);
        }
        return toNode(connectionId, POST + connectionId + "\n" + text);
    }

    @Override
    public CompletableFuture<Boolean> disconnect(String connectionId) {
        if (local.get(connectionId) != null) {
            return local.disconnect(connectionId);
        }
        return toNode(connectionId, DELETE + connectionId);
    }

    /** Publishes {@code call} to the node holding the connection: {@code false} when none does. */
    private CompletableFuture<Boolean> toNode(String connectionId, String call) {
        return redis.hget(key(connectionId), "node").toCompletableFuture().thenCompose(node -> {
            if (node == null) {
                return GONE;
            }
            return redis.publish(prefix + "node:" + node, call).toCompletableFuture().thenApply(listeners -> {
                if (listeners == 0) {
                    redis.del(key(connectionId)); // its node is gone, and the connection with it
                    return false;
                }
                return true;
            });
        });
    }

    @Override
    public CompletableFuture<ConnectionInfo> info(String connectionId) {
        if (local.get(connectionId) != null) {
            return local.info(connectionId);
        }
        return redis.hgetall(key(connectionId)).toCompletableFuture().thenApply(fields -> fields.isEmpty() ? null
                : new ConnectionInfo(Instant.parse(fields.get("connectedAt")),
                        Instant.parse(fields.get("lastActiveAt")), fields.get("sourceIp"), fields.get("userAgent")));
    }

    /** Logs a failed write; the registry goes on (the key expires, or a publish finds no listener). */
    private static <T> T logged(String what, String connectionId, Throwable failure) {
        LOG.log(System.Logger.Level.WARNING, () -> "Redis did not " + what + " WebSocket connection " + connectionId
                + ": " + failure);
        return null;
    }

    @Override
    public void close() {
        subscription.close();
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    @Override
    public String toString() {
        return "connections on Redis, node " + nodeId + ", prefix " + prefix;
    }
}
