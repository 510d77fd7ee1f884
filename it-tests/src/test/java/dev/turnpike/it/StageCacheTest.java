package dev.turnpike.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.turnpike.runtime.cache.CacheCounts;
import dev.turnpike.runtime.cache.StageCache;
import dev.turnpike.runtime.cache.StageCaches;
import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.model.IntegrationType;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.pipeline.Gateway;
import dev.turnpike.runtime.routing.RouteNode;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The stage cache through the real filter in Jetty: HTTP_PROXY methods to a loopback backend that counts its
 * calls. A hit answers without calling the backend, with the same status and body; the cache's hit and miss
 * counts match what the backend saw; {@code Cache-Control: max-age=0} acts per
 * {@code unauthorizedCacheControlHeaderStrategy}; entries expire after {@code cacheTtlInSeconds}.
 */
class StageCacheTest {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    @TempDir
    static Path dir;

    static HttpServer backend;
    static final AtomicInteger calls = new AtomicInteger();
    static FilterInJetty jetty;
    static Gateway gateway;

    @BeforeAll
    static void start() throws Exception {
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/", exchange -> {
            int n = calls.incrementAndGet();
            URI uri = exchange.getRequestURI();
            int status = uri.getPath().startsWith("/broken") ? 500 : 200;
            byte[] body = ("{\"path\": \"" + uri.getPath() + "\", \"query\": \"" + uri.getQuery() + "\", \"call\": "
                    + n + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Backend-Call", Integer.toString(n));
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        backend.start();

        Map<String, String> config = new LinkedHashMap<>();
        config.put("turnpike.apiId", "cache123456");
        config.put("turnpike.stages", "prod,dev");
        config.put("turnpike.stage.prod.cacheClusterEnabled", "true");
        config.put("turnpike.stage.prod.cacheClusterSize", "0.5");
        config.put("turnpike.stage.prod.methodSettings./strict/{id}/GET.unauthorizedCacheControlHeaderStrategy",
                "FAIL_WITH_403");
        config.put("turnpike.stage.prod.methodSettings./quiet/{id}/GET.unauthorizedCacheControlHeaderStrategy",
                "SUCCEED_WITHOUT_RESPONSE_HEADER");
        config.put("turnpike.stage.prod.methodSettings./open/{id}/GET.requireAuthorizationForCacheControl", "false");
        config.put("turnpike.stage.prod.methodSettings./short/{id}/GET.cacheTtlInSeconds", "1");
        config.put("turnpike.stage.prod.methodSettings./orders/{id}/POST.cachingEnabled", "true");
        config.put("turnpike.iam.AKIDREFRESH.secretKey", SECRET);
        config.put("turnpike.iam.AKIDREFRESH.policy", "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\":"
                + " \"Allow\", \"Action\": [\"execute-api:Invoke\", \"execute-api:InvalidateCache\"], \"Resource\":"
                + " \"arn:aws:execute-api:us-east-1:123456789012:cache123456/prod/GET/iam/*\"}]}");
        config.put("turnpike.iam.AKIDREADER.secretKey", SECRET);
        gateway = Gateway.create(new CacheApi(backend.getAddress().getPort()), TurnpikeConfig.from(config));
        jetty = FilterInJetty.serve(TestTls.create(dir), gateway);
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.close();
        backend.stop(0);
    }

    @BeforeEach
    void flush() {
        gateway.stageCaches().stage("prod").flush();
    }

    @Test
    void missThenHitWithIdenticalBodyAndCountedByTheCache() throws Exception {
        StageCache cache = gateway.stageCaches().stage("prod");
        CacheCounts before = cache.counts("/pets/{petId}/GET");
        int backendBefore = calls.get();

        HttpResponse<String> first = get("/prod/pets/7?lang=en");
        HttpResponse<String> second = get("/prod/pets/7?lang=en");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(first.statusCode());
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("X-Backend-Call")).isEqualTo(first.headers().firstValue("X-Backend-Call"));
        assertThat(second.headers().firstValue("x-amzn-RequestId"))
                .isNotEqualTo(first.headers().firstValue("x-amzn-RequestId"));
        assertThat(calls.get()).isEqualTo(backendBefore + 1);

        HttpResponse<String> otherPet = get("/prod/pets/8?lang=en");
        HttpResponse<String> otherLang = get("/prod/pets/7?lang=fr");
        HttpResponse<String> ignoredParameter = get("/prod/pets/7?lang=en&page=2");
        assertThat(otherPet.body()).contains("/pets/8").isNotEqualTo(first.body());
        assertThat(otherLang.body()).contains("lang=fr");
        assertThat(ignoredParameter.body()).as("page is not a cache key parameter").isEqualTo(first.body());
        assertThat(calls.get()).isEqualTo(backendBefore + 3);

        CacheCounts after = cache.counts("/pets/{petId}/GET");
        assertThat(after.hits() - before.hits()).isEqualTo(2);
        assertThat(after.misses() - before.misses()).isEqualTo(3);
    }

    @Test
    void stageWithoutCacheClusterAlwaysCallsTheBackend() throws Exception {
        assertThat(gateway.stageCaches().stage("dev")).isNull();
        int backendBefore = calls.get();
        HttpResponse<String> first = get("/dev/pets/7");
        HttpResponse<String> second = get("/dev/pets/7");
        assertThat(second.body()).isNotEqualTo(first.body());
        assertThat(calls.get()).isEqualTo(backendBefore + 2);
    }

    @Test
    void errorsAreNotCachedAndPostOnlyWhenItsMethodSaysSo() throws Exception {
        int backendBefore = calls.get();
        assertThat(get("/prod/broken/1").statusCode()).isEqualTo(500);
        assertThat(get("/prod/broken/1").statusCode()).isEqualTo(500);
        assertThat(calls.get()).isEqualTo(backendBefore + 2);

        HttpResponse<String> post = send(HttpRequest.newBuilder(jetty.root().resolve("/prod/orders/1"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        HttpResponse<String> again = send(HttpRequest.newBuilder(jetty.root().resolve("/prod/orders/1"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(again.body()).as("POST cached by its own cachingEnabled=true").isEqualTo(post.body());

        HttpResponse<String> put = send(HttpRequest.newBuilder(jetty.root().resolve("/prod/orders/1"))
                .PUT(HttpRequest.BodyPublishers.ofString("{}")));
        HttpResponse<String> putAgain = send(HttpRequest.newBuilder(jetty.root().resolve("/prod/orders/1"))
                .PUT(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(putAgain.body()).as("PUT is not cached by default").isNotEqualTo(put.body());
    }

    @Test
    void unauthorizedInvalidationIsIgnoredWithAWarningByDefault() throws Exception {
        HttpResponse<String> first = get("/prod/pets/3");
        HttpResponse<String> refresh = send(request("/prod/pets/3").header("Cache-Control", "max-age=0"));
        assertThat(refresh.statusCode()).isEqualTo(200);
        assertThat(refresh.body()).isEqualTo(first.body());
        assertThat(refresh.headers().firstValue(StageCaches.WARNING_HEADER)).hasValue(StageCaches.WARNING_VALUE);
        assertThat(get("/prod/pets/3").headers().firstValue(StageCaches.WARNING_HEADER)).isEmpty();
    }

    @Test
    void succeedWithoutResponseHeaderIgnoresItSilently() throws Exception {
        HttpResponse<String> first = get("/prod/quiet/1");
        HttpResponse<String> refresh = send(request("/prod/quiet/1").header("Cache-Control", "max-age=0"));
        assertThat(refresh.statusCode()).isEqualTo(200);
        assertThat(refresh.body()).isEqualTo(first.body());
        assertThat(refresh.headers().firstValue(StageCaches.WARNING_HEADER)).isEmpty();
    }

    @Test
    void failWith403RefusesWithoutCallingTheBackend() throws Exception {
        get("/prod/strict/1");
        int backendBefore = calls.get();
        HttpResponse<String> refused = send(request("/prod/strict/1").header("Cache-Control", "max-age=0"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("x-amzn-ErrorType")).hasValue("AccessDeniedException");
        assertThat(calls.get()).isEqualTo(backendBefore);
    }

    @Test
    void withoutRequiredAuthorizationAnyClientRefreshesTheEntry() throws Exception {
        HttpResponse<String> first = get("/prod/open/1");
        HttpResponse<String> refreshed = send(request("/prod/open/1").header("Cache-Control", "max-age=0"));
        assertThat(refreshed.body()).isNotEqualTo(first.body());
        assertThat(get("/prod/open/1").body()).as("the refreshed response is the one kept").isEqualTo(refreshed.body());
    }

    @Test
    void iamCallerAllowedInvalidateCacheRefreshesOthersDoNot() throws Exception {
        HttpResponse<String> first = send(signed("/prod/iam/1", "AKIDREADER", false));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        HttpResponse<String> reader = send(signed("/prod/iam/1", "AKIDREADER", true));
        assertThat(reader.body()).isEqualTo(first.body());
        assertThat(reader.headers().firstValue(StageCaches.WARNING_HEADER)).isPresent();

        HttpResponse<String> refreshed = send(signed("/prod/iam/1", "AKIDREFRESH", true));
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        assertThat(refreshed.body()).isNotEqualTo(first.body());
        assertThat(refreshed.headers().firstValue(StageCaches.WARNING_HEADER)).isEmpty();
        assertThat(send(signed("/prod/iam/1", "AKIDREADER", false)).body()).isEqualTo(refreshed.body());
    }

    @Test
    void entriesExpireAfterTheirTtl() throws Exception {
        HttpResponse<String> first = get("/prod/short/1");
        assertThat(get("/prod/short/1").body()).isEqualTo(first.body());
        Thread.sleep(1_300);
        assertThat(get("/prod/short/1").body()).isNotEqualTo(first.body());
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(jetty.root().resolve(path)).GET();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return send(request(path));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return jetty.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder signed(String path, String accessKeyId, boolean refresh) {
        URI uri = jetty.root().resolve(path);
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder().uri(uri).method(SdkHttpMethod.GET);
        if (refresh) {
            unsigned.putHeader("Cache-Control", "max-age=0");
        }
        SdkHttpRequest signedRequest = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(accessKeyId, SECRET))
                .request(unsigned.build())
                .payload(ContentStreamProvider.fromByteArray(new byte[0]))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")).request();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        signedRequest.forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return request;
    }

    /** GET methods on {@code /<resource>/{id}} proxied to the backend, and POST and PUT on {@code /orders/{id}}. */
    static final class CacheApi implements GeneratedApi {
        private final List<Operation> operations = new ArrayList<>();
        private final RouteNode routes;

        CacheApi(int port) {
            String backend = "http://127.0.0.1:" + port;
            Operation pets = Operation.on("GET", "/pets/{petId}").requestParameter("method.request.path.petId", true)
                    .requestParameter("method.request.querystring.lang", false)
                    .integration(Integration.of(IntegrationType.HTTP_PROXY).httpMethod("GET")
                            .uri(backend + "/pets/{petId}")
                            .requestParameter("integration.request.path.petId", "method.request.path.petId")
                            .cacheKeyParameter("method.request.path.petId")
                            .cacheKeyParameter("method.request.querystring.lang").build())
                    .build();
            operations.add(pets);
            RouteNode.Builder root = RouteNode.resource("/")
                    .literal("pets", RouteNode.resource("/pets")
                            .param("petId", RouteNode.resource("/pets/{petId}").method(pets).build()).build());
            for (String name : List.of("broken", "strict", "quiet", "open", "short")) {
                Operation op = proxy("GET", name, backend, "NONE");
                operations.add(op);
                root.literal(name, RouteNode.resource("/" + name)
                        .param("id", RouteNode.resource("/" + name + "/{id}").method(op).build()).build());
            }
            Operation iam = proxy("GET", "iam", backend, "AWS_IAM");
            operations.add(iam);
            root.literal("iam", RouteNode.resource("/iam")
                    .param("id", RouteNode.resource("/iam/{id}").method(iam).build()).build());
            Operation post = proxy("POST", "orders", backend, "NONE");
            Operation put = proxy("PUT", "orders", backend, "NONE");
            operations.add(post);
            operations.add(put);
            root.literal("orders", RouteNode.resource("/orders")
                    .param("id", RouteNode.resource("/orders/{id}").method(post).method(put).build()).build());
            this.routes = root.build();
        }

        private static Operation proxy(String method, String name, String backend, String authorization) {
            return Operation.on(method, "/" + name + "/{id}").authorizationType(authorization)
                    .requestParameter("method.request.path.id", true)
                    .integration(Integration.of(IntegrationType.HTTP_PROXY).httpMethod(method)
                            .uri(backend + "/" + name + "/{id}")
                            .requestParameter("integration.request.path.id", "method.request.path.id")
                            .cacheKeyParameter("method.request.path.id").build())
                    .build();
        }

        @Override
        public String name() {
            return "stage-cache";
        }

        @Override
        public String title() {
            return "stage-cache";
        }

        @Override
        public String deploymentId() {
            return "cch1234567";
        }

        @Override
        public String source() {
            return "StageCacheTest";
        }

        @Override
        public RouteNode routes() {
            return routes;
        }

        @Override
        public List<Operation> operations() {
            return operations;
        }
    }
}
