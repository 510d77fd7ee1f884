package dev.turnpike.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.turnpike.runtime.cache.CacheCounts;
import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.pipeline.Gateway;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes (two gateways of one API, each behind its own filter in Jetty) with {@code turnpike.redis.uri}: a
 * response one node kept is a hit on the other, which does not call the backend. Skipped without redis-server.
 */
class StageCacheRedisTest {

    @TempDir
    static Path dir;

    static ThrottlingRedisServer redis;
    static HttpServer backend;
    static final AtomicInteger calls = new AtomicInteger();
    static FilterInJetty jetty;
    static Gateway nodeA;
    static Gateway nodeB;

    @BeforeAll
    static void start() throws Exception {
        redis = ThrottlingRedisServer.startOrSkip();
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/", exchange -> {
            byte[] body = ("call " + calls.incrementAndGet() + " " + exchange.getRequestURI())
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        backend.start();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("turnpike.apiId", "redis12345");
        config.put("turnpike.stages", "prod");
        config.put("turnpike.stage.prod.cacheClusterEnabled", "true");
        config.put("turnpike.redis.uri", redis.uri());
        config.put("turnpike.redis.timeoutMillis", "1000");
        nodeA = Gateway.create(new StageCacheTest.CacheApi(backend.getAddress().getPort()), TurnpikeConfig.from(config));
        nodeB = Gateway.create(new StageCacheTest.CacheApi(backend.getAddress().getPort()), TurnpikeConfig.from(config));
        jetty = FilterInJetty.serve(TestTls.create(dir), Map.of("/a", nodeA, "/b", nodeB));
    }

    @AfterAll
    static void stop() throws Exception {
        if (jetty != null) {
            jetty.close();
        }
        if (backend != null) {
            backend.stop(0);
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void aResponseKeptByOneNodeIsAHitOnTheOther() throws Exception {
        int before = calls.get();
        HttpResponse<String> first = get("/a/prod/pets/42?lang=en");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        Thread.sleep(300); // the entry is written once the body has gone out
        HttpResponse<String> second = get("/b/prod/pets/42?lang=en");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(calls.get()).isEqualTo(before + 1);
        assertThat(nodeA.stageCaches().stage("prod").counts()).isEqualTo(new CacheCounts(0, 1));
        assertThat(nodeB.stageCaches().stage("prod").counts()).isEqualTo(new CacheCounts(1, 0));

        HttpResponse<String> kept = jetty.client().send(HttpRequest.newBuilder(
                jetty.root().resolve("/b/prod/open/9")).GET().build(), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(300);
        assertThat(get("/a/prod/open/9").body()).isEqualTo(kept.body());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return jetty.client().send(HttpRequest.newBuilder(jetty.root().resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
