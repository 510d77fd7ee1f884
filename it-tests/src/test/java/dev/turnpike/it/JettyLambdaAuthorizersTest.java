package dev.turnpike.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Lambda example's authorizers and API key, unchanged WAR in embedded Jetty over TLS: real handler classes
 * (a {@code RequestHandler} of the aws-lambda-java-events authorizer types and a {@code RequestStreamHandler})
 * allow, deny, refuse and fail, and each answer reaches the client in AWS's words.
 */
class JettyLambdaAuthorizersTest {

    @TempDir
    static Path dir;

    static ServedWar served;
    static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        String war = System.getProperty("turnpike.it.lambdaWar");
        TestTls tls = TestTls.create(dir);
        served = JettyWar.start(new ServedWar.Deployment(Path.of(war), "/lambda", tls,
                Files.createDirectories(dir.resolve("jetty")), 16));
        assertThat(served.available()).as(served.startupFailure()).isTrue();
        client = HttpClient.newBuilder().sslContext(tls.clientContext()).version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stop() throws Exception {
        served.close();
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(served.https() + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertError(HttpResponse<String> r, int status, String body, String errorType) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.body()).isEqualTo(body);
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue(errorType);
    }

    @Test
    void tokenAuthorizerAllowsAndTheMethodSeesItsAnswer() throws Exception {
        HttpResponse<String> r = get("/dev/secure/token", "Authorization", "Bearer allow-ada");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"principal\": \"ada\", \"user\": \"ada\", \"admin\": false}");
    }

    @Test
    void aMissingOrMalformedTokenIsUnauthorizedWithoutACall() throws Exception {
        assertError(get("/dev/secure/token"), 401, "{\"message\":\"Unauthorized\"}", "UnauthorizedException");
        // "Basic" fails identityValidationExpression; the function would have thrown (500) had it been called.
        assertError(get("/dev/secure/token", "Authorization", "Basic YWRhOnB3"), 401,
                "{\"message\":\"Unauthorized\"}", "UnauthorizedException");
    }

    @Test
    void anExplicitDenyIsAnsweredWithAwsCapitalMessage() throws Exception {
        assertError(get("/dev/secure/token", "Authorization", "Bearer deny"), 403,
                "{\"Message\":\"User is not authorized to access this resource with an explicit deny\"}",
                "AccessDeniedException");
    }

    @Test
    void theFunctionSayingUnauthorizedIs401AndFailingIs500() throws Exception {
        assertError(get("/dev/secure/token", "Authorization", "Bearer reject"), 401,
                "{\"message\":\"Unauthorized\"}", "UnauthorizedException");
        assertError(get("/dev/secure/token", "Authorization", "Bearer broken"), 500, "{\"message\":null}",
                "AuthorizerConfigurationException");
    }

    @Test
    void requestAuthorizerNeedsEveryIdentitySource() throws Exception {
        assertError(get("/dev/secure/tenants/a", "X-Tenant", "acme"), 401, "{\"message\":\"Unauthorized\"}",
                "UnauthorizedException");
        assertError(get("/dev/secure/tenants/a?plan=gold"), 401, "{\"message\":\"Unauthorized\"}",
                "UnauthorizedException");
    }

    @Test
    void requestAuthorizerAnswerIsCachedPerIdentityAndEvaluatedPerMethod() throws Exception {
        HttpResponse<String> first = get("/dev/secure/tenants/a?plan=cache-test", "X-Tenant", "acme");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("\"principalId\":\"acme\"");
        int calls = calls(first.body());

        HttpResponse<String> again = get("/dev/secure/tenants/a?plan=cache-test", "X-Tenant", "acme");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(calls(again.body())).as("answered from the cache").isEqualTo(calls);

        // The cached policy names /secure/tenants/a only: as on AWS, another method is denied while it is cached.
        assertError(get("/dev/secure/tenants/b?plan=cache-test", "X-Tenant", "acme"), 403,
                "{\"Message\":\"User is not authorized to access this resource\"}", "AccessDeniedException");

        HttpResponse<String> otherIdentity = get("/dev/secure/tenants/b?plan=other", "X-Tenant", "acme");
        assertThat(otherIdentity.statusCode()).isEqualTo(200);
        assertThat(calls(otherIdentity.body())).isGreaterThan(calls);
    }

    @Test
    void requestAuthorizerDeniesOtherTenants() throws Exception {
        assertError(get("/dev/secure/tenants/a?plan=gold", "X-Tenant", "evil"), 403,
                "{\"Message\":\"User is not authorized to access this resource with an explicit deny\"}",
                "AccessDeniedException");
    }

    @Test
    void apiKeyMustBeKnownAndEnabled() throws Exception {
        assertError(get("/dev/secure/keyed"), 403, "{\"message\":\"Forbidden\"}", "ForbiddenException");
        assertError(get("/dev/secure/keyed", "x-api-key", "not-a-key-0123456789abcdef"), 403,
                "{\"message\":\"Forbidden\"}", "ForbiddenException");
        assertError(get("/dev/secure/keyed", "x-api-key", "retired-key-0123456789abcdef"), 403,
                "{\"message\":\"Forbidden\"}", "ForbiddenException");
        HttpResponse<String> r = get("/dev/secure/keyed", "x-api-key", "example-key-0123456789abcdef");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).matches("\\{\"apiKeyId\": \"[a-z0-9]{10}\"}");
    }

    @Test
    void aUsagePlanThrottlesItsKeyAndCountsItsQuota() throws Exception {
        for (int i = 0; i < 2; i++) {
            assertThat(get("/dev/secure/keyed", "x-api-key", "limited-key-0123456789abcdef").statusCode())
                    .isEqualTo(200);
        }
        assertError(get("/dev/secure/keyed", "x-api-key", "limited-key-0123456789abcdef"), 429,
                "{\"message\":\"Too Many Requests\"}", "TooManyRequestsException");

        for (int i = 0; i < 2; i++) {
            assertThat(get("/dev/secure/keyed", "x-api-key", "counted-key-0123456789abcdef").statusCode())
                    .isEqualTo(200);
        }
        assertError(get("/dev/secure/keyed", "x-api-key", "counted-key-0123456789abcdef"), 429,
                "{\"message\":\"Limit Exceeded\"}", "LimitExceededException");
    }

    private static int calls(String event) {
        Matcher m = Pattern.compile("\"calls\":(\\d+)").matcher(event);
        assertThat(m.find()).as(event).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
