package dev.turnpike.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.pipeline.Gateway;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CORS the way API Gateway users write it, on two corpus definitions served unchanged: {@code MOCK} OPTIONS methods
 * whose integration responses map {@code Access-Control-*} literals (localstack-mock-cors.json, Swagger 2;
 * smithy-cors-preflight-mock.json, OpenAPI 3 with request templates per content type), and gateway responses that
 * carry {@code Access-Control-Allow-Origin} on errors (smithy's DEFAULT_4XX / DEFAULT_5XX). A browser's preflight
 * is an unsigned OPTIONS with {@code Origin} and {@code Access-Control-Request-*}.
 */
class CorsTest {

    @TempDir
    static Path dir;

    static FilterInJetty jetty;

    @BeforeAll
    static void start() throws Exception {
        TurnpikeConfig config = TurnpikeConfig.from(Map.of("turnpike.stages", "dev"));
        Map<String, Gateway> contexts = new LinkedHashMap<>();
        contexts.put("/localstack", Gateway.create(GeneratedDefinition.load(dir, "localstack-mock-cors.json",
                GeneratedDefinition.corpus("localstack-mock-cors.json"), "cors.localstack"), config));
        contexts.put("/smithy", Gateway.create(GeneratedDefinition.load(dir, "smithy-cors-preflight-mock.json",
                GeneratedDefinition.corpus("smithy-cors-preflight-mock.json"), "cors.smithy"), config));
        jetty = FilterInJetty.serve(TestTls.create(dir), contexts);
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.close();
    }

    private static HttpResponse<String> preflight(String path, String method, String headers) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(jetty.root() + path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:8080")
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", headers)
                .build();
        return jetty.client().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aMockOptionsMethodAnswersThePreflight() throws Exception {
        HttpResponse<String> r = preflight("/localstack/dev/product/p-1", "POST", "content-type");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:8080");
        assertThat(r.headers().firstValue("Access-Control-Allow-Methods")).hasValue("OPTIONS,POST,GET");
        assertThat(r.headers().firstValue("Access-Control-Allow-Headers")).hasValue("Content-Type");
        assertThat(r.body()).isEqualTo("{}\n");

        HttpResponse<String> collection = preflight("/localstack/dev/product", "GET", "content-type");
        assertThat(collection.statusCode()).isEqualTo(200);
        assertThat(collection.headers().firstValue("Access-Control-Allow-Methods")).hasValue("OPTIONS,POST,GET");
    }

    @Test
    void aPreflightNeedsNoSignatureWhereTheOptionsMethodOptsOut() throws Exception {
        HttpResponse<String> r = preflight("/smithy/dev/mock", "PUT", "authorization,x-amz-date");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://www.example.com");
        assertThat(r.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET,PUT");
        assertThat(r.headers().firstValue("Access-Control-Max-Age")).hasValue("86400");
        assertThat(r.headers().firstValue("Access-Control-Allow-Headers")).hasValue("Amz-Sdk-Invocation-Id,"
                + "Amz-Sdk-Request,Authorization,Date,Host,X-Amz-Content-Sha256,X-Amz-Date,X-Amz-Security-Token,"
                + "X-Amz-Target,X-Amz-User-Agent,X-Amzn-Trace-Id,X-Service-Input-Metadata");
    }

    @Test
    void anErrorCarriesTheGatewayResponsesCorsHeaders() throws Exception {
        // GET /mock wants SigV4: unsigned, it is MISSING_AUTHENTICATION_TOKEN through the customised DEFAULT_4XX.
        HttpResponse<String> r = jetty.client().send(HttpRequest.newBuilder(URI.create(jetty.root()
                + "/smithy/dev/mock")).header("Origin", "https://www.example.com").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://www.example.com");
        assertThat(r.headers().firstValue("Access-Control-Expose-Headers")).hasValue("X-Service-Output-Metadata");

        // An unknown resource too; the Lambda-less localstack API has no gateway responses, so none there.
        HttpResponse<String> unknown = jetty.client().send(HttpRequest.newBuilder(URI.create(jetty.root()
                + "/smithy/dev/nowhere")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://www.example.com");
        HttpResponse<String> plain = jetty.client().send(HttpRequest.newBuilder(URI.create(jetty.root()
                + "/localstack/dev/nowhere")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(403);
        assertThat(plain.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void anErrorFromTheIntegrationCarriesThemToo() throws Exception {
        // The localstack API's GET methods call Lambda functions this gateway has no handler for: 500, and as it
        // customises no gateway response, AWS's default without CORS headers (as on AWS: browsers then see a CORS
        // failure, the reason users add DEFAULT_5XX headers like smithy's).
        HttpResponse<String> r = jetty.client().send(HttpRequest.newBuilder(URI.create(jetty.root()
                + "/localstack/dev/product")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).isEqualTo("{\"message\":\"Internal server error\"}");
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
