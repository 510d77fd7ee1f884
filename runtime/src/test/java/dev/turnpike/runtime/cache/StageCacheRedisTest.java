package dev.turnpike.runtime.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.runtime.http.ClientRequest;
import dev.turnpike.runtime.http.Headers;
import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.model.IntegrationType;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.pipeline.ExchangeFixture;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stage cache's Redis store against a real redis-server on loopback (skipped where the binary is missing):
 * two gateways' stores share entries, entries expire by Redis's TTL, flush empties only the stage, and a Redis
 * that is gone is a miss, not a failure.
 */
class StageCacheRedisTest {

    private static final Path BINARY = Path.of("/usr/bin/redis-server");
    private static final Operation ITEM = Operation.on("GET", "/items/{id}")
            .integration(Integration.of(IntegrationType.HTTP_PROXY).uri("http://backend/items")
                    .cacheKeyParameter("method.request.path.id").build()).build();

    static Process redis;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(BINARY) || "true".equals(System.getenv("CI")),
                BINARY + " is missing; skipping");
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        redis = new ProcessBuilder(BINARY.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        for (int i = 0; i < 100 && !pong(); i++) {
            Thread.sleep(50);
        }
        assertTrue(pong(), "redis-server did not start");
    }

    @AfterAll
    static void stop() throws Exception {
        if (redis != null) {
            redis.destroy();
            redis.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static boolean pong() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(500);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            return new String(in.readNBytes(7), StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }

    private static CacheKey key(String id) {
        ClientRequest request = ExchangeFixture.request("GET", "/prod/items/" + id);
        return CacheKey.of("prod", ITEM, request, Map.of("id", id));
    }

    private static CachedResponse response(String body, Duration ttl) {
        return new CachedResponse(200, new Headers().add("Content-Type", "text/plain").add("X-A", "1"),
                body.getBytes(StandardCharsets.UTF_8), ttl.toNanos());
    }

    private static CachedResponse eventually(CacheStore store, CacheKey key) throws Exception {
        for (int i = 0; i < 50; i++) {
            CachedResponse r = store.get(key).get(5, TimeUnit.SECONDS);
            if (r != null) {
                return r;
            }
            Thread.sleep(20);
        }
        return null;
    }

    @Test
    void nodesShareEntriesWhichExpireAndFlushByStage() throws Exception {
        try (Stores one = RedisCacheStore.open("redis://127.0.0.1:" + port, Duration.ofSeconds(2), "api1");
                Stores two = RedisCacheStore.open("redis://127.0.0.1:" + port, Duration.ofSeconds(2), "api1")) {
            CacheStore a = one.forStage("prod");
            CacheStore b = two.forStage("prod");
            CacheStore otherStage = two.forStage("beta");
            a.put(key("1"), response("one", Duration.ofSeconds(60)));
            CachedResponse seen = eventually(b, key("1"));
            assertEquals(200, seen.status());
            assertArrayEquals("one".getBytes(StandardCharsets.UTF_8), seen.body());
            assertEquals("1", seen.headers().first("x-a"));
            assertNull(b.get(key("2")).get(5, TimeUnit.SECONDS));

            otherStage.put(key("1"), response("beta", Duration.ofSeconds(60)));
            assertEquals("beta", new String(eventually(otherStage, key("1")).body(), StandardCharsets.UTF_8));
            assertEquals("one", new String(eventually(b, key("1")).body(), StandardCharsets.UTF_8),
                    "stages are apart");

            a.put(key("short"), response("short", Duration.ofMillis(300)));
            assertTrue(eventually(b, key("short")) != null);
            Thread.sleep(600);
            assertNull(b.get(key("short")).get(5, TimeUnit.SECONDS), "Redis's TTL expired it");

            b.invalidate(key("1"));
            Thread.sleep(100);
            assertNull(a.get(key("1")).get(5, TimeUnit.SECONDS));

            a.put(key("3"), response("three", Duration.ofSeconds(60)));
            eventually(a, key("3"));
            assertEquals(1, a.size());
            a.flush();
            assertEquals(0, b.size());
            assertEquals(1, otherStage.size(), "flush empties its own stage only");
        }
    }

    @Test
    void redisThatIsGoneIsAMiss() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        try (Stores nowhere = RedisCacheStore.open("redis://127.0.0.1:" + closed, Duration.ofMillis(100), "api1")) {
            CacheStore store = nowhere.forStage("prod");
            store.put(key("1"), response("one", Duration.ofSeconds(60)));
            long start = System.nanoTime();
            assertNull(store.get(key("1")).get(5, TimeUnit.SECONDS));
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3));
        }
    }

    @Test
    void encodingRoundTripsAndRefusesOtherBytes() {
        CachedResponse r = response("héllo", Duration.ofSeconds(5));
        CachedResponse back = RedisCacheStore.decode(RedisCacheStore.encode(r));
        assertEquals(r.status(), back.status());
        assertEquals(r.ttlNanos(), back.ttlNanos());
        assertArrayEquals(r.body(), back.body());
        assertEquals(r.headers().toString(), back.headers().toString());
        assertNull(RedisCacheStore.decode(new byte[] {9, 9, 9}));
        assertNull(RedisCacheStore.decode(new byte[] {1, 0, 0, 0, (byte) 200, 0, 0, 0, 0, 0, 0, 0, 1, 0x7f, 0, 0, 0}));
    }
}
