package dev.turnpike.runtime.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.turnpike.runtime.auth.CallerIdentity;
import dev.turnpike.runtime.auth.policy.PolicyDocument;
import dev.turnpike.runtime.config.ConfigException;
import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.http.Bodies;
import dev.turnpike.runtime.http.ClientRequest;
import dev.turnpike.runtime.http.Headers;
import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.model.IntegrationType;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.pipeline.CacheExchanges;
import dev.turnpike.runtime.pipeline.Exchange;
import dev.turnpike.runtime.pipeline.ExchangeFixture;
import dev.turnpike.runtime.pipeline.MethodResponse;
import dev.turnpike.runtime.pipeline.Outcome;
import dev.turnpike.runtime.response.GatewayResponseType;
import dev.turnpike.runtime.routing.RouteNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StageCacheTest {

    private static final Operation PET = Operation.on("GET", "/pets/{petId}")
            .integration(Integration.of(IntegrationType.HTTP_PROXY).uri("http://backend/pets/{petId}")
                    .cacheKeyParameter("method.request.path.petId")
                    .cacheKeyParameter("method.request.querystring.lang")
                    .cacheKeyParameter("method.request.header.X-Tenant").build())
            .build();
    private static final Operation ITEM = Operation.on("GET", "/items/{id}")
            .integration(Integration.of(IntegrationType.HTTP_PROXY).uri("http://backend/items").build()).build();
    private static final Operation ORDERS = Operation.on("POST", "/orders")
            .integration(Integration.of(IntegrationType.HTTP_PROXY).uri("http://backend/orders").build()).build();
    private static final RouteNode ROUTES = RouteNode.resource("/")
            .literal("pets", RouteNode.resource("/pets")
                    .param("petId", RouteNode.resource("/pets/{petId}").method(PET).build()).build())
            .literal("items", RouteNode.resource("/items")
                    .param("id", RouteNode.resource("/items/{id}").method(ITEM).build()).build())
            .literal("orders", RouteNode.resource("/orders").method(ORDERS).build())
            .build();

    private final FakeTicker ticker = new FakeTicker();
    private final AtomicInteger calls = new AtomicInteger();

    private static final class FakeTicker implements Ticker {
        private final AtomicLong nanos = new AtomicLong(1_000);

        @Override
        public long read() {
            return nanos.get();
        }

        void advance(Duration by) {
            nanos.addAndGet(by.toNanos());
        }
    }

    private static TurnpikeConfig config(String... keyValues) {
        Map<String, String> keys = new HashMap<>();
        keys.put("turnpike.stages", "prod,beta");
        keys.put("turnpike.stage.prod.cacheClusterEnabled", "true");
        for (int i = 0; i < keyValues.length; i += 2) {
            keys.put(keyValues[i], keyValues[i + 1]);
        }
        return TurnpikeConfig.from(keys);
    }

    private static Exchange exchange(TurnpikeConfig config, String method, String path, String query,
            Headers headers, CallerIdentity caller) {
        ClientRequest request = ExchangeFixture.request(method, path, query, headers);
        return CacheExchanges.exchange(config, ROUTES, request, caller);
    }

    private static Exchange get(TurnpikeConfig config, String path) {
        return exchange(config, "GET", path, null, new Headers(), null);
    }

    /** The integration: answers {@code status} with a body naming the call, counting calls. */
    private java.util.function.Supplier<CompletableFuture<Outcome>> backend(int status) {
        return () -> {
            int n = calls.incrementAndGet();
            Headers headers = new Headers().add("Content-Type", "text/plain");
            return CompletableFuture.completedFuture(Outcome.of(new MethodResponse(status, headers,
                    Bodies.of(("call " + n).getBytes(StandardCharsets.UTF_8)))));
        };
    }

    private static String read(Flow.Publisher<List<ByteBuffer>> body) {
        StringBuilder text = new StringBuilder();
        CompletableFuture<Void> done = new CompletableFuture<>();
        body.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(List<ByteBuffer> item) {
                item.forEach(b -> text.append(StandardCharsets.UTF_8.decode(b)));
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }
        });
        done.join();
        return text.toString();
    }

    /** Serves one request as the gateway would: the body is read to its end (that is when a response is stored). */
    private static MethodResponse serve(StageCaches caches, Exchange exchange,
            java.util.function.Supplier<CompletableFuture<Outcome>> backend) {
        Outcome outcome = caches.serve(exchange, backend).join();
        return outcome.response();
    }

    private String body(StageCaches caches, Exchange exchange) {
        MethodResponse response = serve(caches, exchange, backend(200));
        return read(response.body());
    }

    @Test
    void keyIsStageMethodAndCacheKeyParametersFromPathQueryAndHeader() {
        TurnpikeConfig config = config("turnpike.stage.beta.cacheClusterEnabled", "true");
        Headers tenantA = new Headers().add("x-tenant", "a");
        CacheKey key = CacheKey.of("prod", PET, ExchangeFixture.request("GET", "/prod/pets/7", "lang=en", tenantA),
                Map.of("petId", "7"));
        assertEquals("prod", key.stage());
        assertEquals("/pets/{petId}", key.resourcePath());
        assertEquals("GET", key.httpMethod());
        assertEquals(key, CacheKey.of("prod", PET, ExchangeFixture.request("GET", "/prod/pets/7", "lang=en&x=1",
                new Headers().add("X-Tenant", "a").add("Other", "z")), Map.of("petId", "7")),
                "parameters outside cacheKeyParameters do not count; header names have no case");
        assertNotEquals(key, CacheKey.of("prod", PET, ExchangeFixture.request("GET", "/prod/pets/8", "lang=en",
                tenantA), Map.of("petId", "8")));
        assertNotEquals(key, CacheKey.of("prod", PET, ExchangeFixture.request("GET", "/prod/pets/7", "lang=fr",
                tenantA), Map.of("petId", "7")));
        assertNotEquals(key, CacheKey.of("prod", PET, ExchangeFixture.request("GET", "/prod/pets/7", "lang=en",
                new Headers().add("X-Tenant", "b")), Map.of("petId", "7")));
        assertNotEquals(key, CacheKey.of("prod", PET, ExchangeFixture.request("GET", "/prod/pets/7", "lang=en",
                new Headers()), Map.of("petId", "7")), "absent is a value of its own");
        assertNotEquals(key, CacheKey.of("beta", PET, ExchangeFixture.request("GET", "/beta/pets/7", "lang=en",
                tenantA), Map.of("petId", "7")), "the stage is part of the key");
        assertNotEquals(CacheKey.of("prod", PET, ExchangeFixture.request("GET", "/p", "lang=", new Headers()),
                Map.of("petId", "7")), CacheKey.of("prod", PET, ExchangeFixture.request("GET", "/p", null,
                new Headers()), Map.of("petId", "7")), "an empty value is not an absent one");

        StageCaches caches = StageCaches.create(config, ticker);
        assertEquals("call 1", body(caches, exchange(config, "GET", "/prod/pets/7", "lang=en", tenantA, null)));
        assertEquals("call 1", body(caches, exchange(config, "GET", "/prod/pets/7", "lang=en", tenantA, null)));
        assertEquals("call 2", body(caches, exchange(config, "GET", "/prod/pets/8", "lang=en", tenantA, null)));
        assertEquals("call 3", body(caches, exchange(config, "GET", "/prod/pets/7", "lang=de", tenantA, null)));
        assertEquals("call 4", body(caches, exchange(config, "GET", "/beta/pets/7", "lang=en", tenantA, null)));
        assertEquals(new CacheCounts(1, 3), caches.stage("prod").counts());
        assertEquals(new CacheCounts(1, 3), caches.stage("prod").counts("/pets/{petId}/GET"));
        assertEquals(new CacheCounts(0, 1), caches.stage("beta").counts());
    }

    @Test
    void requestMethodOfAnAnyMethodIsPartOfTheKey() {
        Operation any = Operation.on("ANY", "/things")
                .integration(Integration.of(IntegrationType.HTTP_PROXY).uri("http://backend/things").build()).build();
        ClientRequest get = ExchangeFixture.request("GET", "/prod/things");
        ClientRequest post = ExchangeFixture.request("POST", "/prod/things");
        assertEquals("GET", CacheKey.of("prod", any, get, Map.of()).httpMethod());
        assertNotEquals(CacheKey.of("prod", any, get, Map.of()), CacheKey.of("prod", any, post, Map.of()));
    }

    @Test
    void pathParameterOutsideTheKeySharesTheEntryAsOnAws() {
        TurnpikeConfig config = config();
        StageCaches caches = StageCaches.create(config, ticker);
        assertEquals("call 1", body(caches, get(config, "/prod/items/1")));
        assertEquals("call 1", body(caches, get(config, "/prod/items/2")));
    }

    @Test
    void hitServesTheSameStatusHeadersAndBody() {
        TurnpikeConfig config = config();
        StageCaches caches = StageCaches.create(config, ticker);
        MethodResponse first = serve(caches, get(config, "/prod/items/1"), backend(201));
        assertEquals("call 1", read(first.body()));
        MethodResponse second = serve(caches, get(config, "/prod/items/1"), backend(201));
        assertEquals(201, second.status());
        assertEquals("text/plain", second.headers().first("Content-Type"));
        assertEquals("call 1", read(second.body()));
        second.headers().set("x-amzn-RequestId", "changed by the gateway");
        assertNull(serve(caches, get(config, "/prod/items/1"), backend(201)).headers().first("x-amzn-RequestId"),
                "each hit has headers of its own");
        assertEquals(1, calls.get());
    }

    @Test
    void ttlExpiresOnTheTicker() {
        TurnpikeConfig config = config("turnpike.stage.prod.methodSettings./items/{id}/GET.cacheTtlInSeconds", "10");
        StageCaches caches = StageCaches.create(config, ticker);
        assertEquals("call 1", body(caches, get(config, "/prod/items/1")));
        ticker.advance(Duration.ofSeconds(9));
        assertEquals("call 1", body(caches, get(config, "/prod/items/1")));
        ticker.advance(Duration.ofSeconds(2));
        assertEquals("call 2", body(caches, get(config, "/prod/items/1")));
    }

    @Test
    void defaultTtlIs300SecondsAndZeroTurnsCachingOff() {
        TurnpikeConfig config = config();
        StageCaches caches = StageCaches.create(config, ticker);
        assertEquals("call 1", body(caches, get(config, "/prod/items/1")));
        ticker.advance(Duration.ofSeconds(299));
        assertEquals("call 1", body(caches, get(config, "/prod/items/1")));
        ticker.advance(Duration.ofSeconds(2));
        assertEquals("call 2", body(caches, get(config, "/prod/items/1")));

        TurnpikeConfig off = config("turnpike.stage.prod.methodSettings.*/*.cacheTtlInSeconds", "0");
        StageCaches none = StageCaches.create(off, ticker);
        assertEquals("call 3", body(none, get(off, "/prod/items/1")));
        assertEquals("call 4", body(none, get(off, "/prod/items/1")));
        assertEquals(new CacheCounts(0, 0), none.stage("prod").counts(), "not cached is neither hit nor miss");
    }

    @Test
    void sizeBoundEvictsAndOversizedBodiesAreNotKept() {
        TurnpikeConfig config = config();
        StageCaches caches = StageCaches.of("prod", 4_000, ticker, Map.of());
        for (int i = 0; i < 50; i++) {
            Headers tenant = new Headers().add("X-Tenant", "t" + i);
            body(caches, exchange(config, "GET", "/prod/pets/" + i, null, tenant, null));
        }
        long held = caches.stage("prod").size();
        assertTrue(held > 0 && held < 50, "bounded by bytes: " + held);

        byte[] big = new byte[StageCaches.MAX_RESPONSE_BYTES + 1];
        StageCaches roomy = StageCaches.create(config, ticker);
        java.util.function.Supplier<CompletableFuture<Outcome>> large = () -> {
            calls.incrementAndGet();
            return CompletableFuture.completedFuture(Outcome.of(new MethodResponse(200, new Headers(),
                    Bodies.of(big))));
        };
        int before = calls.get();
        assertEquals(big.length, read(serve(roomy, get(config, "/prod/items/1"), large).body()).length());
        read(serve(roomy, get(config, "/prod/items/1"), large).body());
        assertEquals(before + 2, calls.get(), "a body over 1 MiB is passed on, not kept");
        assertEquals(0, roomy.stage("prod").size());
    }

    @Test
    void onlySuccessfulResponsesAreStored() {
        TurnpikeConfig config = config();
        StageCaches caches = StageCaches.create(config, ticker);
        for (int status : new int[] {404, 500, 302}) {
            read(serve(caches, get(config, "/prod/items/1"), backend(status)).body());
        }
        assertEquals(3, calls.get());
        assertEquals(0, caches.stage("prod").size());
        assertEquals("call 4", body(caches, get(config, "/prod/items/1")));
        assertEquals("call 4", body(caches, get(config, "/prod/items/1")));
    }

    @Test
    void responseIsStoredOnlyOnceItsBodyIsReadToTheEnd() {
        TurnpikeConfig config = config();
        StageCaches caches = StageCaches.create(config, ticker);
        serve(caches, get(config, "/prod/items/1"), backend(200)); // body never read: client went away
        assertEquals(0, caches.stage("prod").size());
    }

    @Test
    void onlyGetIsCachedByDefault() {
        TurnpikeConfig config = config("turnpike.stage.prod.methodSettings.*/*.cachingEnabled", "true");
        StageCaches caches = StageCaches.create(config, ticker);
        assertEquals("call 1", body(caches, exchange(config, "POST", "/prod/orders", null, new Headers(), null)));
        assertEquals("call 2", body(caches, exchange(config, "POST", "/prod/orders", null, new Headers(), null)));

        TurnpikeConfig post = config("turnpike.stage.prod.methodSettings./orders/POST.cachingEnabled", "true");
        StageCaches posts = StageCaches.create(post, ticker);
        assertEquals("call 3", body(posts, exchange(post, "POST", "/prod/orders", null, new Headers(), null)));
        assertEquals("call 3", body(posts, exchange(post, "POST", "/prod/orders", null, new Headers(), null)));

        TurnpikeConfig getOff = config("turnpike.stage.prod.methodSettings./items/{id}/GET.cachingEnabled", "false");
        StageCaches none = StageCaches.create(getOff, ticker);
        assertEquals("call 4", body(none, get(getOff, "/prod/items/1")));
        assertEquals("call 5", body(none, get(getOff, "/prod/items/1")));
    }

    @Test
    void stageWithoutCacheClusterAndCanaryWithoutUseStageCacheBypass() {
        TurnpikeConfig config = config("turnpike.stage.prod.canarySettings.percentTraffic", "50");
        StageCaches caches = StageCaches.create(config, ticker);
        assertNull(caches.stage("beta"));
        assertEquals("call 1", body(caches, get(config, "/beta/items/1")));
        assertEquals("call 2", body(caches, get(config, "/beta/items/1")));
        assertEquals("call 3", body(caches, CacheExchanges.canary(get(config, "/prod/items/1"), true)));
        assertEquals("call 4", body(caches, CacheExchanges.canary(get(config, "/prod/items/1"), true)));
        assertEquals("call 5", body(caches, CacheExchanges.canary(get(config, "/prod/items/1"), false)));

        TurnpikeConfig shared = config("turnpike.stage.prod.canarySettings.percentTraffic", "50",
                "turnpike.stage.prod.canarySettings.useStageCache", "true");
        StageCaches sharing = StageCaches.create(shared, ticker);
        assertEquals("call 6", body(sharing, CacheExchanges.canary(get(shared, "/prod/items/1"), false)));
        assertEquals("call 6", body(sharing, CacheExchanges.canary(get(shared, "/prod/items/1"), true)));
    }

    @Test
    void cacheClusterSizeIsOneOfAwsSizes() {
        assertEquals(1024L * 1024 * 1024 / 2, StageCaches.create(config(), ticker).stage("prod").maxBytes());
        assertEquals((long) (6.1 * 1024 * 1024 * 1024), StageCaches.create(
                config("turnpike.stage.prod.cacheClusterSize", "6.1"), ticker).stage("prod").maxBytes());
        ConfigException e = assertThrows(ConfigException.class,
                () -> StageCaches.create(config("turnpike.stage.prod.cacheClusterSize", "2"), ticker));
        assertTrue(e.getMessage().contains("turnpike.stage.prod.cacheClusterSize"), e.getMessage());
        assertThrows(ConfigException.class, () -> config("turnpike.stage.prod.cacheClusterEnabled", "yes"));
        assertFalse(StageCaches.create(TurnpikeConfig.from(Map.of("turnpike.stages", "prod")), ticker).any());
    }

    @Test
    void cacheControlMaxAgeZeroIsRecognised() {
        assertTrue(StageCaches.asksToInvalidate(new Headers().add("Cache-Control", "max-age=0")));
        assertTrue(StageCaches.asksToInvalidate(new Headers().add("cache-control", "no-store, MAX-AGE=0")));
        assertFalse(StageCaches.asksToInvalidate(new Headers().add("Cache-Control", "max-age=10")));
        assertFalse(StageCaches.asksToInvalidate(new Headers().add("Cache-Control", "no-cache")));
        assertFalse(StageCaches.asksToInvalidate(new Headers()));
    }

    // Invalidation: Cache-Control: max-age=0.

    private static final Headers MAX_AGE_0 = new Headers().add("Cache-Control", "max-age=0");
    private static final CallerIdentity ALLOWED = new CallerIdentity("AKIDALLOWED", "123456789012", "AIDA1", "AIDA1",
            "arn:aws:iam::123456789012:user/allowed");
    private static final CallerIdentity PLAIN = new CallerIdentity("AKIDPLAIN", "123456789012", "AIDA2", "AIDA2",
            "arn:aws:iam::123456789012:user/plain");

    private StageCaches invalidating(TurnpikeConfig config) throws Exception {
        PolicyDocument mayInvalidate = PolicyDocument.parse("{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\":"
                + " \"Allow\", \"Action\": [\"execute-api:Invoke\", \"execute-api:InvalidateCache\"], \"Resource\":"
                + " \"arn:aws:execute-api:*:*:*/prod/GET/items/*\"}]}");
        PolicyDocument invokeOnly = PolicyDocument.parse("{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\":"
                + " \"Allow\", \"Action\": \"execute-api:Invoke\", \"Resource\": \"*\"}]}");
        StageCaches caches = StageCaches.of("prod", 1 << 20, ticker,
                Map.of("AKIDALLOWED", mayInvalidate, "AKIDPLAIN", invokeOnly));
        assertEquals("call 1", body(caches, get(config, "/prod/items/1")));
        return caches;
    }

    private Exchange refresh(TurnpikeConfig config, CallerIdentity caller) {
        return exchange(config, "GET", "/prod/items/1", null, MAX_AGE_0.copy(), caller);
    }

    @Test
    void authorizedCallerRefreshesTheEntry() throws Exception {
        TurnpikeConfig config = config();
        StageCaches caches = invalidating(config);
        assertEquals("call 2", body(caches, refresh(config, ALLOWED)));
        assertEquals("call 2", body(caches, get(config, "/prod/items/1")), "the new response replaced the old");
        assertEquals(new CacheCounts(1, 2), caches.stage("prod").counts());
    }

    @Test
    void withoutRequiredAuthorizationAnyoneRefreshes() throws Exception {
        TurnpikeConfig config = config("turnpike.stage.prod.methodSettings.*/*.requireAuthorizationForCacheControl",
                "false");
        StageCaches caches = invalidating(config);
        assertEquals("call 2", body(caches, refresh(config, null)));
    }

    @Test
    void unauthorizedCallerGetsTheWarningByDefault() throws Exception {
        TurnpikeConfig config = config();
        StageCaches caches = invalidating(config);
        for (CallerIdentity caller : new CallerIdentity[] {null, PLAIN}) {
            MethodResponse response = serve(caches, refresh(config, caller), backend(200));
            assertEquals("call 1", read(response.body()), "the header is ignored: served from the cache");
            assertEquals(StageCaches.WARNING_VALUE, response.headers().first(StageCaches.WARNING_HEADER));
        }
        assertNull(serve(caches, get(config, "/prod/items/1"), backend(200)).headers()
                .first(StageCaches.WARNING_HEADER), "the warning is not cached");
    }

    @Test
    void succeedWithoutResponseHeaderIgnoresTheHeaderSilently() throws Exception {
        TurnpikeConfig config = config("turnpike.stage.prod.methodSettings./items/{id}/GET"
                + ".unauthorizedCacheControlHeaderStrategy", "SUCCEED_WITHOUT_RESPONSE_HEADER");
        StageCaches caches = invalidating(config);
        MethodResponse response = serve(caches, refresh(config, PLAIN), backend(200));
        assertEquals("call 1", read(response.body()));
        assertNull(response.headers().first(StageCaches.WARNING_HEADER));
    }

    @Test
    void failWith403RefusesTheRequest() throws Exception {
        TurnpikeConfig config = config("turnpike.stage.prod.methodSettings.*/*.unauthorizedCacheControlHeaderStrategy",
                "FAIL_WITH_403");
        StageCaches caches = invalidating(config);
        Outcome outcome = caches.serve(refresh(config, PLAIN), backend(200)).join();
        assertEquals(GatewayResponseType.ACCESS_DENIED, outcome.error().type());
        assertEquals(403, outcome.error().statusOrDefault());
        assertEquals(1, calls.get(), "the integration is not called");
        assertEquals("call 2", body(caches, refresh(config, ALLOWED)), "an allowed caller still refreshes");
    }

    @Test
    void recordingBodyLeavesTheClientsBuffersUnread() {
        List<byte[]> stored = new ArrayList<>();
        ByteBuffer a = ByteBuffer.wrap("ab".getBytes(StandardCharsets.UTF_8));
        ByteBuffer b = ByteBuffer.wrap("cd".getBytes(StandardCharsets.UTF_8));
        Flow.Publisher<List<ByteBuffer>> two = s -> s.onSubscribe(new Flow.Subscription() {
            private boolean done;

            @Override
            public void request(long n) {
                if (!done) {
                    done = true;
                    s.onNext(List.of(a, b));
                    s.onComplete();
                }
            }

            @Override
            public void cancel() {
            }
        });
        assertEquals("abcd", read(new RecordingBody(two, 10, stored::add)));
        assertEquals("abcd", new String(stored.get(0), StandardCharsets.UTF_8));
    }
}
