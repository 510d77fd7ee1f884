package dev.turnpike.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.model.Authorizer;
import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.model.IntegrationResponse;
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
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Access control through the real filter in Jetty over TLS: requests signed by the AWS SDK's own SigV4 signer,
 * Cognito-style tokens verified against a loopback JWKS endpoint, resource policies on the source address and
 * a private API reached through a configured VPC endpoint. Every refusal is checked whole: status, body and
 * {@code x-amzn-ErrorType}.
 */
class AccessControlTest {

    private static final String POOL = "us-east-1_TestPool";
    private static final String POOL_ARN = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/" + POOL;
    private static final String ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/" + POOL;
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    @TempDir
    static Path dir;

    static FilterInJetty jetty;
    static HttpServer jwks;
    static RSAKey signingKey;

    @BeforeAll
    static void start() throws Exception {
        signingKey = new RSAKeyGenerator(2048).keyID("k1").generate();
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] keys = new JWKSet(signingKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/jwks.json", exchange -> {
            exchange.sendResponseHeaders(200, keys.length);
            exchange.getResponseBody().write(keys);
            exchange.close();
        });
        jwks.start();

        Map<String, String> common = Map.of("turnpike.apiId", "abc1234567", "turnpike.stages", "dev");
        Map<String, String> secured = new LinkedHashMap<>(common);
        secured.put("turnpike.iam.AKIDALLOWED.secretKey", SECRET);
        secured.put("turnpike.iam.AKIDALLOWED.arn", "arn:aws:iam::123456789012:user/ada");
        secured.put("turnpike.iam.AKIDDENIED.secretKey", SECRET);
        secured.put("turnpike.iam.AKIDDENIED.policy", "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\":"
                + " \"Deny\", \"Action\": \"execute-api:Invoke\", \"Resource\": \"*\"}]}");
        secured.put("turnpike.cognito." + POOL + ".jwksUrl",
                "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks.json");

        Map<String, String> privateApi = new LinkedHashMap<>(common);
        privateApi.put("turnpike.vpcEndpoints.vpce-0123456789abcdef0.sourceCidrs", "127.0.0.1/32, ::1/128");
        Map<String, String> elsewhere = new LinkedHashMap<>(common);
        elsewhere.put("turnpike.vpcEndpoints.vpce-0123456789abcdef0.sourceCidrs", "10.0.0.0/8");

        TestTls tls = TestTls.create(dir);
        jetty = FilterInJetty.serve(tls, Map.of(
                "/secured", gateway(new AccessApi(null, "EDGE"), secured),
                "/loopback-only", gateway(new AccessApi(sourceIpPolicy("127.0.0.1/32"), "EDGE"), common),
                "/office-only", gateway(new AccessApi(sourceIpPolicy("10.0.0.0/8"), "EDGE"), common),
                "/private", gateway(new AccessApi(VPCE_POLICY, "PRIVATE"), privateApi),
                "/private-elsewhere", gateway(new AccessApi(VPCE_POLICY, "PRIVATE"), elsewhere)));
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.close();
        jwks.stop(0);
    }

    private static Gateway gateway(GeneratedApi api, Map<String, String> config) {
        return Gateway.create(api, TurnpikeConfig.from(config));
    }

    // ---- AWS_IAM ----

    @Test
    void sdkSignedRequestsPassAndTheMethodSeesTheCaller() throws Exception {
        HttpResponse<String> get = send(signed("GET", "/secured/dev/iam", "", "AKIDALLOWED"));
        assertThat(get.statusCode()).as(get.body()).isEqualTo(200);
        assertThat(get.body()).isEqualTo("arn:aws:iam::123456789012:user/ada AKIDALLOWED");

        HttpResponse<String> post = send(signed("POST", "/secured/dev/iam", "{\"order\": 1}", "AKIDALLOWED"));
        assertThat(post.statusCode()).as(post.body()).isEqualTo(200);
    }

    @Test
    void tamperedUnsignedAndUnknownRequestsAreRefusedInAwsWords() throws Exception {
        HttpRequest.Builder tampered = signed("POST", "/secured/dev/iam", "{\"order\": 1}", "AKIDALLOWED");
        HttpResponse<String> r = send(tampered.POST(HttpRequest.BodyPublishers.ofString("{\"order\": 2}")));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).startsWith("{\"message\":\"The request signature we calculated does not match the"
                + " signature you provided. Check your AWS Secret Access Key and signing method.");
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidSignatureException");

        assertError(send(request("/secured/dev/iam")), 403, "{\"message\":\"Missing Authentication Token\"}",
                "MissingAuthenticationTokenException");

        HttpResponse<String> unknown = send(signed("GET", "/secured/dev/iam", "", "AKIDUNKNOWN"));
        assertThat(unknown.statusCode()).isEqualTo(403);
        assertThat(unknown.headers().firstValue("x-amzn-ErrorType")).hasValue("UnrecognizedClientException");
    }

    @Test
    void anIdentityPolicyDenyWins() throws Exception {
        assertError(send(signed("GET", "/secured/dev/iam", "", "AKIDDENIED")), 403,
                "{\"Message\":\"User: arn:aws:iam::123456789012:user/AKIDDENIED is not authorized to perform:"
                        + " execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:123456789012:abc1234567/dev/"
                        + "GET/iam with an explicit deny\"}", "AccessDeniedException");
    }

    // ---- Cognito ----

    @Test
    void aPoolsIdTokenPassesWithItsClaims() throws Exception {
        HttpResponse<String> r = send(request("/secured/dev/cognito").header("Authorization",
                token("id", ISSUER, Instant.now().plusSeconds(600), null)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("ada@example.com");
    }

    @Test
    void expiredForeignAndMissingTokensAreUnauthorized() throws Exception {
        String expired = token("id", ISSUER, Instant.now().minusSeconds(3600), null);
        HttpResponse<String> r = send(request("/secured/dev/cognito").header("Authorization", expired));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("UnauthorizedException");
        String foreign = token("id", "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other",
                Instant.now().plusSeconds(600), null);
        assertError(send(request("/secured/dev/cognito").header("Authorization", foreign)), 401,
                "{\"message\":\"Unauthorized\"}", "UnauthorizedException");
        assertError(send(request("/secured/dev/cognito")), 401, "{\"message\":\"Unauthorized\"}",
                "UnauthorizedException");
    }

    @Test
    void aScopedMethodWantsAnAccessTokenWithTheScope() throws Exception {
        String access = token("access", ISSUER, Instant.now().plusSeconds(600), "orders/read profile");
        HttpResponse<String> r = send(request("/secured/dev/scoped").header("Authorization", access));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String id = token("id", ISSUER, Instant.now().plusSeconds(600), null);
        assertThat(send(request("/secured/dev/scoped").header("Authorization", id)).statusCode()).isEqualTo(401);
    }

    // ---- resource policies and private APIs ----

    @Test
    void aSourceIpPolicyAllowsLoopbackAndDeniesWhatItDoesNotName() throws Exception {
        assertThat(send(request("/loopback-only/dev/open")).statusCode()).isEqualTo(200);
        assertError(send(request("/office-only/dev/open")), 403,
                "{\"Message\":\"User: anonymous is not authorized to perform: execute-api:Invoke on resource:"
                        + " arn:aws:execute-api:us-east-1:123456789012:abc1234567/dev/GET/open\"}",
                "AccessDeniedException");
    }

    @Test
    void aPrivateApiAnswersOnlyThroughItsVpcEndpoint() throws Exception {
        assertThat(send(request("/private/dev/open")).statusCode()).isEqualTo(200);
        assertError(send(request("/private-elsewhere/dev/open")), 403, "{\"message\":\"Forbidden\"}",
                "ForbiddenException");
    }

    // ---- helpers ----

    private static final String VPCE_POLICY = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
            + " \"Principal\": \"*\", \"Action\": \"execute-api:Invoke\", \"Resource\": \"execute-api:/*\","
            + " \"Condition\": {\"StringEquals\": {\"aws:SourceVpce\": \"vpce-0123456789abcdef0\"}}}]}";

    private static String sourceIpPolicy(String cidr) {
        return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\","
                + " \"Action\": \"execute-api:Invoke\", \"Resource\": \"execute-api:/*\", \"Condition\":"
                + " {\"IpAddress\": {\"aws:SourceIp\": \"" + cidr + "\"}}}]}";
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(jetty.root().resolve(path));
    }

    /** A request signed by the AWS SDK's signer for execute-api, as a Java client of API Gateway sends it. */
    private static HttpRequest.Builder signed(String method, String path, String body, String accessKeyId) {
        URI uri = jetty.root().resolve(path);
        byte[] payload = body.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest unsigned = SdkHttpRequest.builder().uri(uri).method(SdkHttpMethod.fromValue(method))
                .putHeader("Content-Type", "application/json").build();
        SdkHttpRequest signedRequest = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(accessKeyId, SECRET))
                .request(unsigned)
                .payload(ContentStreamProvider.fromByteArray(payload))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")).request();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(payload));
        signedRequest.forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) { // the client sends the same Host itself
                values.forEach(value -> request.header(name, value));
            }
        });
        return request;
    }

    private static String token(String use, String issuer, Instant expires, String scope) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).subject("user-1")
                .claim("token_use", use).expirationTime(Date.from(expires))
                .issueTime(Date.from(expires.minusSeconds(3600)));
        if (use.equals("id")) {
            claims.claim("email", "ada@example.com").audience("client-1");
        } else {
            claims.claim("scope", scope).claim("client_id", "client-1");
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims.build());
        jwt.sign(new RSASSASigner(signingKey));
        return jwt.serialize();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return jetty.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertError(HttpResponse<String> r, int status, String body, String errorType) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.body()).isEqualTo(body);
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue(errorType);
    }

    /** The API of these tests, as the generator would write it: IAM, Cognito, scoped Cognito and open methods. */
    private static final class AccessApi implements GeneratedApi {
        private static final Authorizer POOL_AUTHORIZER = Authorizer.cognito("pool", POOL_ARN).build();

        private final String policy;
        private final String endpointType;
        private final List<Operation> operations;
        private final RouteNode routes;

        AccessApi(String policy, String endpointType) {
            this.policy = policy;
            this.endpointType = endpointType;
            Operation getIam = Operation.on("GET", "/iam").authorizationType("AWS_IAM")
                    .integration(mock("$context.identity.userArn $context.identity.accessKey")).build();
            Operation postIam = Operation.on("POST", "/iam").authorizationType("AWS_IAM")
                    .integration(mock("posted")).build();
            Operation cognito = Operation.on("GET", "/cognito").authorizer(POOL_AUTHORIZER)
                    .integration(mock("$context.authorizer.claims.email")).build();
            Operation scoped = Operation.on("GET", "/scoped").authorizer(POOL_AUTHORIZER)
                    .authorizationScope("orders/read").integration(mock("scoped")).build();
            Operation open = Operation.on("GET", "/open").integration(mock("open")).build();
            this.operations = List.of(getIam, postIam, cognito, scoped, open);
            this.routes = RouteNode.resource("/")
                    .literal("iam", RouteNode.resource("/iam").method(getIam).method(postIam).build())
                    .literal("cognito", RouteNode.resource("/cognito").method(cognito).build())
                    .literal("scoped", RouteNode.resource("/scoped").method(scoped).build())
                    .literal("open", RouteNode.resource("/open").method(open).build())
                    .build();
        }

        private static Integration mock(String responseTemplate) {
            return Integration.of(IntegrationType.MOCK)
                    .requestTemplate("application/json", "{\"statusCode\": 200}")
                    .response(IntegrationResponse.selecting("default", "200")
                            .responseTemplate("application/json", responseTemplate).build())
                    .build();
        }

        @Override
        public String name() {
            return "access";
        }

        @Override
        public String title() {
            return "access";
        }

        @Override
        public String deploymentId() {
            return "dep1234567";
        }

        @Override
        public String source() {
            return "AccessControlTest";
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
        public String resourcePolicy() {
            return policy;
        }

        @Override
        public String endpointType() {
            return endpointType;
        }
    }
}
