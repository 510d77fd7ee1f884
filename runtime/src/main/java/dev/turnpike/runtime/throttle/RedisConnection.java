package dev.turnpike.runtime.throttle;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one Lettuce connection of a node and Bucket4j's view of it. Made at start; if Redis does not answer then,
 * the gateway starts anyway and connects in the background, every second, until it does. Once connected, Lettuce
 * reconnects by itself after an outage, and while disconnected rejects commands at once instead of queueing them.
 */
final class RedisConnection implements AutoCloseable {

    /** What a limiter answers before the first connection: counts as Redis not answering. */
    static final CompletableFuture<Boolean> NOT_CONNECTED =
            CompletableFuture.failedFuture(new RedisConnectionException("not connected to Redis yet"));

    private static final System.Logger LOG = System.getLogger(RedisConnection.class.getName());
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
    private static final long CONNECT_RETRY_MILLIS = 1_000;
    /** Idle buckets leave Redis this long after they would be full again. */
    private static final Duration KEEP_FULL_BUCKETS = Duration.ofSeconds(10);
    /** Bounds the commands queued on a slow connection (a down one rejects at once). */
    private static final int REQUEST_QUEUE_SIZE = 10_000;
    /** CAS attempts per bucket decision under contention; the decision itself is bounded by the timeout. */
    private static final int MAX_CAS_RETRIES = 20;

    private record Connected(StatefulRedisConnection<String, byte[]> connection, AsyncProxyManager<String> buckets) {
    }

    private final ClientResources resources;
    private final RedisClient client;
    private final RedisURI uri;
    private final Clock clock;
    private final Duration timeout;
    private volatile Connected connected;
    private volatile boolean closed;

    private RedisConnection(ClientResources resources, RedisClient client, RedisURI uri, Clock clock,
            Duration timeout) {
        this.resources = resources;
        this.client = client;
        this.uri = uri;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** A connection to {@code uri}, connected now if Redis answers, else in the background. */
    static RedisConnection open(String uri, Duration timeout, Clock clock) {
        // Reconnect quickly after an outage: Lettuce's default backs off to 30 s.
        ClientResources resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(1), 2,
                        TimeUnit.MILLISECONDS))
                .build();
        RedisClient client = RedisClient.create(resources);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .requestQueueSize(REQUEST_QUEUE_SIZE)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(2)).build())
                .build());
        RedisConnection redis = new RedisConnection(resources, client, RedisURI.create(uri), clock, timeout);
        try {
            redis.connected(client.connect(CODEC, redis.uri));
        } catch (RedisConnectionException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot connect to Redis at " + redis.address()
                    + " (turnpike.redis.uri); connecting every second until it answers: " + e.getMessage());
            redis.connectLater();
        }
        return redis;
    }

    /** The commands, or {@code null} before the first connection. */
    RedisAsyncCommands<String, byte[]> commands() {
        Connected now = connected;
        return now == null ? null : now.connection().async();
    }

    /** Bucket4j's buckets on this connection, or {@code null} before the first connection. */
    AsyncProxyManager<String> buckets() {
        Connected now = connected;
        return now == null ? null : now.buckets();
    }

    /** {@code host:port}, for logs: the URI may hold a password. */
    String address() {
        return uri.getHost() + ":" + uri.getPort();
    }

    private void connectLater() {
        resources.eventExecutorGroup().schedule(() -> {
            if (closed) {
                return;
            }
            client.connectAsync(CODEC, uri).whenComplete((connection, failure) -> {
                if (failure != null) {
                    connectLater();
                } else if (closed) {
                    connection.closeAsync();
                } else {
                    connected(connection);
                    LOG.log(System.Logger.Level.INFO, "connected to Redis at " + address());
                }
            });
        }, CONNECT_RETRY_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void connected(StatefulRedisConnection<String, byte[]> connection) {
        AsyncProxyManager<String> buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .clientClock(new ClockTimeMeter(clock))
                .requestTimeout(timeout)
                .maxRetries(MAX_CAS_RETRIES)
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_FULL_BUCKETS))
                .build()
                .asAsync();
        connected = new Connected(connection, buckets);
    }

    @Override
    public void close() {
        closed = true;
        Connected now = connected;
        if (now != null) {
            now.connection().close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
