package dev.turnpike.runtime.cache;

import dev.turnpike.runtime.http.Headers;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A stage's entries on Redis ({@code turnpike.redis.uri}), shared by every node: one key per entry,
 * {@code turnpike:<apiId>:cache:<stage>:<sha-256 of the cache key>}, expiring by Redis's own TTL. Redis's
 * {@code maxmemory} bounds the size. A Redis that does not answer within {@code turnpike.redis.timeoutMillis} is a
 * miss: the integration answers, as if there were no cache. Loaded only when the URI is set (Lettuce is optional).
 */
final class RedisCacheStore implements CacheStore {

    private static final System.Logger LOG = System.getLogger(RedisCacheStore.class.getName());
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
    private static final byte FORMAT = 1;
    private static final long RETRY_CONNECT_MILLIS = 1_000;

    /** One connection for every stage of the API. */
    static final class Connection implements AutoCloseable {
        private final RedisClient client;
        private final RedisURI uri;
        private final Duration timeout;
        private final AtomicBoolean warned = new AtomicBoolean();
        private volatile CompletableFuture<StatefulRedisConnection<String, byte[]>> connection;
        private volatile long retryAt;

        Connection(String uri, Duration timeout) {
            this.uri = RedisURI.create(uri);
            this.timeout = timeout;
            this.client = RedisClient.create();
            client.setOptions(ClientOptions.builder()
                    .autoReconnect(true)
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .timeoutOptions(TimeoutOptions.enabled(timeout))
                    .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(2)).build())
                    .build());
            connect();
        }

        private synchronized CompletableFuture<StatefulRedisConnection<String, byte[]>> connect() {
            CompletableFuture<StatefulRedisConnection<String, byte[]>> now = connection;
            if (now == null || (now.isCompletedExceptionally() && System.currentTimeMillis() >= retryAt)) {
                now = client.connectAsync(CODEC, uri).toCompletableFuture();
                now.whenComplete((c, failure) -> {
                    if (failure != null) {
                        retryAt = System.currentTimeMillis() + RETRY_CONNECT_MILLIS;
                    }
                });
                connection = now;
            }
            return now;
        }

        /** The commands, or a failed future while Redis cannot be reached. */
        CompletableFuture<RedisAsyncCommands<String, byte[]>> commands() {
            CompletableFuture<StatefulRedisConnection<String, byte[]>> now = connection;
            if (now == null || now.isCompletedExceptionally()) {
                now = connect();
            }
            return now.thenApply(StatefulRedisConnection::async);
        }

        Duration timeout() {
            return timeout;
        }

        void failed(Throwable failure) {
            if (warned.compareAndSet(false, true)) {
                LOG.log(System.Logger.Level.WARNING, "the stage cache on Redis at " + uri.getHost() + ":"
                        + uri.getPort() + " does not answer; requests go to their integrations: " + failure);
            }
        }

        void answered() {
            warned.set(false);
        }

        @Override
        public void close() {
            CompletableFuture<StatefulRedisConnection<String, byte[]>> now = connection;
            if (now != null && now.isDone() && !now.isCompletedExceptionally()) {
                now.join().close();
            }
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    private final Connection redis;
    private final String prefix;

    /**
     * The stores of every stage of one API on one connection to {@code uri}: connected in the background, so a
     * Redis that is down at start only makes misses.
     */
    static Stores open(String uri, Duration timeout, String apiId) {
        Connection redis = new Connection(uri, timeout);
        return new Stores() {
            @Override
            public CacheStore forStage(String stage) {
                return new RedisCacheStore(redis, apiId, stage);
            }

            @Override
            public void close() {
                redis.close();
            }
        };
    }

    RedisCacheStore(Connection redis, String apiId, String stage) {
        this.redis = redis;
        this.prefix = "turnpike:" + apiId + ":cache:" + stage + ":";
    }

    private String redisKey(CacheKey key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.canonical().getBytes(StandardCharsets.UTF_8));
            return prefix + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    @Override
    public CompletableFuture<CachedResponse> get(CacheKey key) {
        String redisKey = redisKey(key);
        return redis.commands()
                .thenCompose(c -> c.get(redisKey).toCompletableFuture())
                .orTimeout(redis.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .handle((bytes, failure) -> {
                    if (failure != null) {
                        redis.failed(failure);
                        return null;
                    }
                    redis.answered();
                    return bytes == null ? null : decode(bytes);
                });
    }

    @Override
    public void put(CacheKey key, CachedResponse response) {
        long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(response.ttlNanos()));
        byte[] value = encode(response);
        redis.commands().thenCompose(c -> c.set(redisKey(key), value, SetArgs.Builder.px(millis)).toCompletableFuture())
                .whenComplete((ok, failure) -> {
                    if (failure != null) {
                        redis.failed(failure);
                    }
                });
    }

    @Override
    public void invalidate(CacheKey key) {
        // Not waited for: one connection keeps commands in order, so this DEL reaches Redis before the SET of the
        // refreshed response, which is only issued once the integration has answered.
        redis.commands().thenCompose(c -> c.del(redisKey(key)).toCompletableFuture())
                .whenComplete((n, failure) -> {
                    if (failure != null) {
                        redis.failed(failure);
                    }
                });
    }

    @Override
    public void flush() {
        forEachKey(keys -> redis.commands().thenCompose(c -> c.del(keys.toArray(String[]::new)).toCompletableFuture())
                .join());
    }

    @Override
    public long size() {
        long[] n = {0};
        forEachKey(keys -> n[0] += keys.size());
        return n[0];
    }

    private void forEachKey(java.util.function.Consumer<List<String>> action) {
        RedisAsyncCommands<String, byte[]> c = redis.commands().join();
        ScanArgs match = ScanArgs.Builder.matches(prefix + "*").limit(500);
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = c.scan(cursor, match).toCompletableFuture()
                    .orTimeout(10, TimeUnit.SECONDS).join();
            if (!page.getKeys().isEmpty()) {
                action.accept(page.getKeys());
            }
            cursor = page;
        } while (!cursor.isFinished());
    }

    static byte[] encode(CachedResponse response) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(response.body().length + 256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeInt(response.status());
            out.writeLong(response.ttlNanos());
            out.writeInt(response.headers().size());
            IOException[] failed = {null};
            response.headers().forEach((name, value) -> {
                try {
                    writeString(out, name);
                    writeString(out, value);
                } catch (IOException e) {
                    failed[0] = e;
                }
            });
            if (failed[0] != null) {
                throw failed[0];
            }
            out.writeInt(response.body().length);
            out.write(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The response in {@code bytes}, or {@code null} for bytes in another format (an older Turnpike's). */
    static CachedResponse decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readByte() != FORMAT) {
                return null;
            }
            int status = in.readInt();
            long ttlNanos = in.readLong();
            int count = in.readInt();
            Headers headers = new Headers();
            for (int i = 0; i < count; i++) {
                headers.add(readString(in), readString(in));
            }
            byte[] body = new byte[length(in)];
            in.readFully(body);
            return new CachedResponse(status, headers, body, ttlNanos);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static int length(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("truncated entry");
        }
        return n;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] b = new byte[length(in)];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
