package dev.turnpike.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.model.Authorizer;
import dev.turnpike.runtime.model.GatewayResponseSpec;
import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.model.IntegrationResponse;
import dev.turnpike.runtime.model.IntegrationType;
import dev.turnpike.runtime.model.MethodValidation;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.pipeline.Gateway;
import dev.turnpike.runtime.response.GatewayResponseType;
import dev.turnpike.runtime.routing.RouteNode;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Every gateway response type a real request can produce, produced by one, through the filter in Jetty over TLS:
 * once through an API that customises every type (its own status, an {@code X-Response-Type} header and a template
 * of {@code $context.error.responseType} and {@code $context.error.messageString}) and once through the same API
 * without customisations (AWS's defaults). Each answer is checked whole: status, body, {@code x-amzn-ErrorType}.
 *
 * <p>Not produced here, because nothing real produces them:
 * <ul>
 *   <li>{@code WAF_FILTERED}: there is no WAF in front of Turnpike;</li>
 *   <li>{@code RESOURCE_NOT_FOUND}: a REST API answers an unknown resource with MISSING_AUTHENTICATION_TOKEN (recorded,
 *       SEMANTICS.md §8) and Turnpike has no other case AWS documents for it.</li>
 * </ul>
 * {@code DEFAULT_4XX} has no request of its own on AWS either; here it is produced by a body the container cannot
 * read (a malformed chunk), which reaches the gateway as a failed read.
 */
class AllGatewayResponsesTest {

    private static final String POOL = "us-east-1_Unreachable";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final String COUNTED_KEY = "counted-key-0123456789abcdef";
    private static final String FUNCTIONS = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
            + "arn:aws:lambda:us-east-1:123456789012:function:";

    @TempDir
    static Path dir;

    static HttpServer slowBackend;
    static int closedPort;
    static FilterInJetty jetty;
    static TestTls tls;
    static RSAKey signingKey;

    @BeforeAll
    static void start() throws Exception {
        slowBackend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
        slowBackend.createContext("/", exchange -> {
            try (exchange) {
                Thread.sleep(1_000);
                exchange.sendResponseHeaders(200, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        slowBackend.start();
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        signingKey = new RSAKeyGenerator(2048).keyID("k1").generate();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("turnpike.stages", "dev");
        config.put("turnpike.lambda.gate", Gate.class.getName());
        config.put("turnpike.lambda.thrower", Thrower.class.getName());
        config.put("turnpike.iam.AKIDALLOWED.secretKey", SECRET);
        config.put("turnpike.cognito." + POOL + ".jwksUrl", "http://127.0.0.1:" + closedPort + "/jwks.json");
        config.put("turnpike.apiKeys.counted.value", COUNTED_KEY);
        config.put("turnpike.usagePlans.daily.apiStages", "dev");
        config.put("turnpike.usagePlans.daily.apiKeys", "counted");
        config.put("turnpike.usagePlans.daily.quota.limit", "1");
        config.put("turnpike.usagePlans.daily.quota.period", "DAY");
        config.put("turnpike.stage.dev.methodSettings./throttled/GET.throttlingRateLimit", "0.01");
        config.put("turnpike.stage.dev.methodSettings./throttled/GET.throttlingBurstLimit", "1");
        tls = TestTls.create(dir);
        Map<String, Gateway> contexts = new LinkedHashMap<>();
        contexts.put("/custom", Gateway.create(new Api("custom", customisations()), TurnpikeConfig.from(config)));
        contexts.put("/plain", Gateway.create(new Api("plain", Map.of()), TurnpikeConfig.from(config)));
        jetty = FilterInJetty.serve(tls, contexts);
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.close();
        slowBackend.stop(0);
    }

    /** Every customisable type: a status of its own (its class kept), a header naming it, one template for all. */
    private static Map<GatewayResponseType, GatewayResponseSpec> customisations() {
        Map<GatewayResponseType, GatewayResponseSpec> specs = new EnumMap<>(GatewayResponseType.class);
        for (GatewayResponseType type : GatewayResponseType.values()) {
            if (type == GatewayResponseType.FORBIDDEN) {
                continue;
            }
            specs.put(type, new GatewayResponseSpec(Integer.toString(customStatus(type)),
                    GatewayResponseSpec.pairs("gatewayresponse.header.X-Response-Type", "'" + type.name() + "'"),
                    GatewayResponseSpec.pairs("application/json", "{\"type\":\"$context.error.responseType\","
                            + "\"message\":$context.error.messageString,\"custom\":true}"),
                    "/x-amazon-apigateway-gateway-responses/" + type.name()));
        }
        return specs;
    }

    private static int customStatus(GatewayResponseType type) {
        return (type.defaultStatus() >= 500 ? 550 : 450) + type.ordinal();
    }

    /**
     * One way to produce a type: the request (after any requests that set the stage, such as using up a quota),
     * and AWS's default answer: status, the message (a regular expression; {@code null} for AWS's {@code null}),
     * the body's key and {@code x-amzn-ErrorType}.
     */
    record Case(GatewayResponseType type, String description, List<Sender> before, Sender request, int status,
            String message, String messageKey, String errorType) {
        @Override
        public String toString() {
            return type + " (" + description + ")";
        }
    }

    /** Sends a request to an API's stage base, {@code https://.../<context>/dev}. */
    @FunctionalInterface
    interface Sender {
        Answer send(String base) throws Exception;
    }

    record Answer(int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case(GatewayResponseType.ACCESS_DENIED, "the Lambda authorizer denies", List.of(),
                base -> get(base + "/lambda-auth", "Authorization", "deny"), 403,
                Pattern.quote("User is not authorized to access this resource with an explicit deny"), "Message",
                "AccessDeniedException"));
        cases.add(new Case(GatewayResponseType.API_CONFIGURATION_ERROR, "a stage variable the uri needs is unset",
                List.of(), base -> get(base + "/unconfigured"), 500, "Internal server error", "message",
                "InternalServerErrorException"));
        cases.add(new Case(GatewayResponseType.AUTHORIZER_CONFIGURATION_ERROR, "the Lambda authorizer fails",
                List.of(), base -> get(base + "/lambda-auth", "Authorization", "broken"), 500, null, "message",
                "AuthorizerConfigurationException"));
        cases.add(new Case(GatewayResponseType.AUTHORIZER_FAILURE, "the user pool's keys cannot be fetched",
                List.of(), base -> get(base + "/cognito", "Authorization", cognitoToken()), 500,
                "Internal server error", "message", "InternalServerErrorException"));
        cases.add(new Case(GatewayResponseType.BAD_REQUEST_PARAMETERS, "a required header is missing", List.of(),
                base -> post(base + "/validated", "{\"name\": \"Rex\"}", "Content-Type", "application/json"), 400,
                Pattern.quote("Missing required request parameters: [h1]"), "message", "BadRequestException"));
        cases.add(new Case(GatewayResponseType.BAD_REQUEST_BODY, "the body is not an instance of the model",
                List.of(), base -> post(base + "/validated", "{\"name\": 7}", "Content-Type", "application/json",
                        "h1", "v"), 400, "Invalid request body", "message", "BadRequestException"));
        cases.add(new Case(GatewayResponseType.DEFAULT_4XX, "a malformed chunk in the body", List.of(),
                AllGatewayResponsesTest::malformedChunk, 400, "Bad request", "message", "BadRequestException"));
        cases.add(new Case(GatewayResponseType.DEFAULT_5XX, "the Lambda proxy function throws", List.of(),
                base -> post(base + "/lambda", "{}", "Content-Type", "application/json"), 502,
                "Internal server error", "message", "InternalServerErrorException"));
        cases.add(new Case(GatewayResponseType.EXPIRED_TOKEN, "signed with a clock 10 minutes slow", List.of(),
                base -> signed(base + "/iam", SECRET, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10))),
                403, "Signature expired: \\d{8}T\\d{6}Z is now earlier than \\d{8}T\\d{6}Z .*", "message",
                "InvalidSignatureException"));
        cases.add(new Case(GatewayResponseType.INTEGRATION_FAILURE, "the backend refuses the connection",
                List.of(), base -> get(base + "/closed"), 504, "Internal server error", "message",
                "InternalServerErrorException"));
        cases.add(new Case(GatewayResponseType.INTEGRATION_TIMEOUT, "the backend answers after the timeout",
                List.of(), base -> get(base + "/slow"), 504, "Endpoint request timed out", "message",
                "InternalServerErrorException"));
        cases.add(new Case(GatewayResponseType.INVALID_API_KEY, "no x-api-key", List.of(),
                base -> get(base + "/quota"), 403, "Forbidden", "message", "ForbiddenException"));
        cases.add(new Case(GatewayResponseType.INVALID_SIGNATURE, "signed with another secret", List.of(),
                base -> signed(base + "/iam", "not" + SECRET, Clock.systemUTC()), 403,
                "The request signature we calculated does not match the signature you provided\\. .*", "message",
                "InvalidSignatureException"));
        cases.add(new Case(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN, "no such resource", List.of(),
                base -> get(base + "/nowhere"), 403, "Missing Authentication Token", "message",
                "MissingAuthenticationTokenException"));
        cases.add(new Case(GatewayResponseType.QUOTA_EXCEEDED, "the key's daily quota of 1 is used",
                List.of(base -> get(base + "/quota", "x-api-key", COUNTED_KEY)),
                base -> get(base + "/quota", "x-api-key", COUNTED_KEY), 429, "Limit Exceeded", "message",
                "LimitExceededException"));
        cases.add(new Case(GatewayResponseType.REQUEST_TOO_LARGE, "a declared body of 10 MB + 1", List.of(),
                AllGatewayResponsesTest::tooLarge, 413, "Request Too Long", "message", "RequestTooLongException"));
        cases.add(new Case(GatewayResponseType.THROTTLED, "the method's bucket of 1 is empty",
                List.of(base -> get(base + "/throttled")), base -> get(base + "/throttled"), 429,
                "Too Many Requests", "message", "TooManyRequestsException"));
        cases.add(new Case(GatewayResponseType.UNAUTHORIZED, "no token for the Lambda authorizer", List.of(),
                base -> get(base + "/lambda-auth"), 401, "Unauthorized", "message", "UnauthorizedException"));
        cases.add(new Case(GatewayResponseType.UNSUPPORTED_MEDIA_TYPE, "text/plain with passthrough NEVER",
                List.of(), base -> post(base + "/json-only", "hello", "Content-Type", "text/plain"), 415,
                "Unsupported Media Type", "message", "UnsupportedMediaTypeException"));
        return cases.stream();
    }

    static Stream<Arguments> casesBothWays() {
        return cases().flatMap(c -> Stream.of(Arguments.of(c, false), Arguments.of(c, true)));
    }

    @ParameterizedTest(name = "{0}, customised {1}")
    @MethodSource("casesBothWays")
    void eachTypeByARealRequest(Case c, boolean customised) throws Exception {
        String base = jetty.root() + (customised ? "/custom" : "/plain") + "/dev";
        for (Sender before : c.before()) {
            Answer first = before.send(base);
            assertThat(first.status()).as(first.body()).isEqualTo(200);
        }
        Answer r = c.request().send(base);
        assertThat(r.header("x-amzn-ErrorType")).as(r.body()).isEqualTo(c.errorType());
        assertThat(r.header("x-amzn-RequestId")).isNotNull();
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        JsonObject body = Json.createReader(new StringReader(r.body())).readObject();
        if (customised) {
            assertThat(r.status()).as(r.body()).isEqualTo(customStatus(c.type()));
            assertThat(r.header("X-Response-Type")).isEqualTo(c.type().name());
            assertThat(body.keySet()).containsExactly("type", "message", "custom");
            assertThat(body.getString("type")).isEqualTo(c.type().name());
            assertMessage(body.get("message"), c.message());
        } else {
            assertThat(r.status()).as(r.body()).isEqualTo(c.status());
            assertThat(r.header("X-Response-Type")).isNull();
            assertThat(body.keySet()).containsExactly(c.messageKey());
            assertMessage(body.get(c.messageKey()), c.message());
        }
    }

    @Test
    void everyCustomisableTypeIsProducedOrListedAsNotProducible() {
        List<GatewayResponseType> produced = cases().map(Case::type).toList();
        List<GatewayResponseType> missing = new ArrayList<>();
        for (GatewayResponseType type : GatewayResponseType.values()) {
            if (!produced.contains(type)) {
                missing.add(type);
            }
        }
        // FORBIDDEN is the front door's answer, not a customisable type; the other two are in the Javadoc.
        assertThat(missing).containsExactlyInAnyOrder(GatewayResponseType.WAF_FILTERED,
                GatewayResponseType.RESOURCE_NOT_FOUND, GatewayResponseType.FORBIDDEN);
    }

    private static void assertMessage(JsonValue message, String expected) {
        if (expected == null) {
            assertThat(message).isEqualTo(JsonValue.NULL);
        } else {
            assertThat(message).isInstanceOf(JsonString.class);
            assertThat(((JsonString) message).getString()).matches(Pattern.compile(expected, Pattern.DOTALL));
        }
    }

    // ---- requests ----

    private static Answer get(String url, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    private static Answer post(String url, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    private static Answer send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> r = jetty.client().send(request.timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.headers().map(), r.body());
    }

    /** A request signed by the AWS SDK's signer, its clock given. */
    private static Answer signed(String url, String secret, Clock clock) throws Exception {
        URI uri = URI.create(url);
        SdkHttpRequest unsigned = SdkHttpRequest.builder().uri(uri).method(SdkHttpMethod.GET).build();
        SdkHttpRequest signedRequest = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create("AKIDALLOWED", secret))
                .request(unsigned)
                .payload(ContentStreamProvider.fromByteArray(new byte[0]))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(HttpSigner.SIGNING_CLOCK, clock)).request();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        signedRequest.forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return send(request);
    }

    /** A Content-Length one byte over 10 MB, on raw TLS: the gateway must answer before the body is sent. */
    private static Answer tooLarge(String base) throws Exception {
        URI uri = URI.create(base + "/lambda");
        try (RawHttps raw = RawHttps.open(uri, tls)) {
            raw.write("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (10 * 1024 * 1024 + 1) + "\r\n\r\n{");
            return answer(raw.readResponse());
        }
    }

    /** A chunked body whose second chunk size is not hexadecimal: the container fails the read. */
    private static Answer malformedChunk(String base) throws Exception {
        URI uri = URI.create(base + "/reads-body");
        try (RawHttps raw = RawHttps.open(uri, tls)) {
            raw.write("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\nzz\r\nnot a chunk\r\n0\r\n\r\n");
            return answer(raw.readResponse());
        }
    }

    private static Answer answer(RawHttps.Response r) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        r.headers().forEach((name, value) -> headers.put(name, List.of(value)));
        return new Answer(r.status(), headers, r.body());
    }

    private static String cognitoToken() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("https://cognito-idp.us-east-1.amazonaws.com/" + POOL).subject("user-1")
                .claim("token_use", "id").expirationTime(Date.from(Instant.now().plusSeconds(600))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims);
        jwt.sign(new RSASSASigner(signingKey));
        return jwt.serialize();
    }

    // ---- the functions ----

    /** A TOKEN authorizer: {@code deny} is denied explicitly, {@code broken} fails, anything else is allowed. */
    public static final class Gate implements RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponse> {
        @Override
        public IamPolicyResponse handleRequest(APIGatewayCustomAuthorizerEvent event, Context context) {
            String token = event.getAuthorizationToken();
            if (token.equals("broken")) {
                throw new IllegalStateException("cannot decide");
            }
            IamPolicyResponse.Statement statement = token.equals("deny")
                    ? IamPolicyResponse.denyStatement(event.getMethodArn())
                    : IamPolicyResponse.allowStatement(event.getMethodArn());
            return IamPolicyResponse.builder().withPrincipalId("user")
                    .withPolicyDocument(IamPolicyResponse.PolicyDocument.builder()
                            .withVersion(IamPolicyResponse.VERSION_2012_10_17).withStatement(List.of(statement))
                            .build())
                    .build();
        }
    }

    /** A proxy function that always fails. */
    public static final class Thrower
            implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
        @Override
        public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
            throw new IllegalStateException("always fails");
        }
    }

    // ---- the API ----

    private static Integration mock(String requestTemplate) {
        return Integration.of(IntegrationType.MOCK)
                .requestTemplate("application/json", requestTemplate)
                .response(IntegrationResponse.selecting("default", "200")
                        .responseTemplate("application/json", "{\"ok\": true}").build())
                .build();
    }

    /** The methods, each with the one way it fails. */
    static final class Api implements GeneratedApi {
        private final String name;
        private final Map<GatewayResponseType, GatewayResponseSpec> gatewayResponses;
        private final List<Operation> operations = new ArrayList<>();
        private final Map<Operation, MethodValidation> validation = new LinkedHashMap<>();
        private final RouteNode routes;

        Api(String name, Map<GatewayResponseType, GatewayResponseSpec> gatewayResponses) {
            this.name = name;
            this.gatewayResponses = gatewayResponses;
            Authorizer gate = Authorizer.lambda("gate", "TOKEN", FUNCTIONS + "gate/invocations")
                    .identitySource("method.request.header.Authorization").resultTtlInSeconds(0).build();
            Authorizer pool = Authorizer.cognito("pool",
                    "arn:aws:cognito-idp:us-east-1:123456789012:userpool/" + POOL).build();
            Operation validated = Operation.on("POST", "/validated").requestParameter("method.request.header.h1", true)
                    .integration(mock("{\"statusCode\": 200}")).build();
            validation.put(validated, new MethodValidation("all", true, true, Map.of("application/json", "Pet")));
            RouteNode.Builder root = RouteNode.resource("/");
            add(root, validated);
            add(root, Operation.on("GET", "/lambda-auth").authorizer(gate).integration(mock("{\"statusCode\": 200}"))
                    .build());
            add(root, Operation.on("GET", "/cognito").authorizer(pool).integration(mock("{\"statusCode\": 200}"))
                    .build());
            add(root, Operation.on("GET", "/iam").authorizationType("AWS_IAM")
                    .integration(mock("{\"statusCode\": 200}")).build());
            add(root, Operation.on("GET", "/quota").apiKeyRequired(true).integration(mock("{\"statusCode\": 200}"))
                    .build());
            add(root, Operation.on("GET", "/throttled").integration(mock("{\"statusCode\": 200}")).build());
            add(root, Operation.on("POST", "/reads-body")
                    .integration(mock("#set($b = $input.body){\"statusCode\": 200}")).build());
            add(root, Operation.on("POST", "/json-only").integration(Integration.of(IntegrationType.MOCK)
                    .passthroughBehavior("NEVER").requestTemplate("application/json", "{\"statusCode\": 200}")
                    .response(IntegrationResponse.selecting("default", "200").build()).build()).build());
            add(root, Operation.on("GET", "/closed").integration(Integration.of(IntegrationType.HTTP_PROXY)
                    .httpMethod("GET").uri("http://127.0.0.1:" + closedPort + "/").build()).build());
            add(root, Operation.on("GET", "/slow").integration(Integration.of(IntegrationType.HTTP_PROXY)
                    .httpMethod("GET").uri("http://127.0.0.1:" + slowBackend.getAddress().getPort() + "/")
                    .timeoutInMillis(200).build()).build());
            add(root, Operation.on("GET", "/unconfigured").integration(Integration.of(IntegrationType.HTTP_PROXY)
                    .httpMethod("GET").uri("http://${stageVariables.backendHost}/").build()).build());
            add(root, Operation.on("POST", "/lambda").integration(Integration.of(IntegrationType.AWS_PROXY)
                    .httpMethod("POST").uri(FUNCTIONS + "thrower/invocations").build()).build());
            routes = root.build();
        }

        private void add(RouteNode.Builder root, Operation operation) {
            operations.add(operation);
            root.literal(operation.resourcePath().substring(1),
                    RouteNode.resource(operation.resourcePath()).method(operation).build());
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String title() {
            return name;
        }

        @Override
        public String deploymentId() {
            return name + "0001";
        }

        @Override
        public String source() {
            return "AllGatewayResponsesTest";
        }

        @Override
        public RouteNode routes() {
            return routes;
        }

        @Override
        public List<Operation> operations() {
            return operations;
        }

        @Override
        public Map<GatewayResponseType, GatewayResponseSpec> gatewayResponses() {
            return gatewayResponses;
        }

        @Override
        public Map<Operation, MethodValidation> requestValidation() {
            return validation;
        }

        @Override
        public Map<String, String> models() {
            return Map.of("Pet", "{\"type\": \"object\", \"required\": [\"name\"],"
                    + " \"properties\": {\"name\": {\"type\": \"string\"}}}");
        }
    }
}
