package dev.turnpike.runtime.auth.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.turnpike.runtime.config.ConfigException;
import dev.turnpike.runtime.response.GatewayResponseType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CognitoVerifierTest {

    private static final String POOL = "us-east-1_TestPool";
    private static final String POOL_ARN = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/" + POOL;
    private static final String ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/" + POOL;
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private static RSAKey key1;
    private static RSAKey key2;

    private final TestClock clock = new TestClock(NOW);
    private JwksServer jwks;
    private CognitoVerifier verifier;

    @BeforeAll
    static void generateKeys() throws Exception {
        key1 = new RSAKeyGenerator(2048).keyID("key-1").generate();
        key2 = new RSAKeyGenerator(2048).keyID("key-2").generate();
    }

    @BeforeEach
    void startPool() throws Exception {
        jwks = new JwksServer();
        jwks.serve(key1);
        CognitoKeys keys = CognitoKeys.fromConfig(Map.of("turnpike.cognito." + POOL + ".jwksUrl", jwks.url()),
                CognitoKeys.defaultClient(), clock);
        verifier = new CognitoVerifier(List.of("arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_Other",
                POOL_ARN), keys, clock);
    }

    @AfterEach
    void stopPool() {
        jwks.close();
    }

    private static JWTClaimsSet.Builder idClaims() {
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject("42df3b02").audience("client-1")
                .claim("token_use", "id").claim("cognito:username", "alice").claim("email_verified", true)
                .claim("cognito:groups", List.of("admin", "users")).claim("auth_time", NOW.getEpochSecond() - 60)
                .issueTime(Date.from(NOW.minusSeconds(60))).expirationTime(Date.from(NOW.plusSeconds(3540)));
    }

    private static JWTClaimsSet.Builder accessClaims(String scope) {
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject("42df3b02").claim("client_id", "client-1")
                .claim("token_use", "access").claim("scope", scope).expirationTime(Date.from(NOW.plusSeconds(600)));
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private CognitoResult verify(String header, String... scopes) throws Exception {
        return verifier.verify(header, List.of(scopes)).get(10, TimeUnit.SECONDS);
    }

    private void assertUnauthorized(CognitoResult result) {
        assertThat(result.accepted()).isFalse();
        assertThat(result.error().type()).isEqualTo(GatewayResponseType.UNAUTHORIZED);
        assertThat(result.error().statusOrDefault()).isEqualTo(401);
        assertThat(result.error().messageOrDefault()).isEqualTo("Unauthorized");
        assertThat(result.claims()).isEmpty();
    }

    @Test
    void aValidIdTokenPassesWithItsClaimsAsStrings() throws Exception {
        CognitoResult result = verify(sign(idClaims().build(), key1));
        assertThat(result.accepted()).isTrue();
        assertThat(result.claims()).containsEntry("sub", "42df3b02")
                .containsEntry("iss", ISSUER)
                .containsEntry("aud", "client-1")
                .containsEntry("token_use", "id")
                .containsEntry("cognito:username", "alice")
                .containsEntry("email_verified", "true")
                .containsEntry("cognito:groups", "[admin users]")
                .containsEntry("auth_time", "1795607940")
                .containsEntry("iat", "Wed Nov 25 11:59:00 UTC 2026")
                .containsEntry("exp", "Wed Nov 25 12:59:00 UTC 2026");
        assertThat(verify("Bearer " + sign(idClaims().build(), key1)).accepted()).isTrue();
        assertThat(jwks.fetches()).isEqualTo(1);
    }

    @Test
    void anExpiredTokenIsRefusedOnceTheSkewIsOver() throws Exception {
        String token = sign(idClaims().expirationTime(Date.from(NOW.minusSeconds(30))).build(), key1);
        assertThat(verify(token).accepted()).isTrue();
        clock.advance(Duration.ofSeconds(31));
        CognitoResult result = verify(token);
        assertThat(result.error().type()).isEqualTo(GatewayResponseType.UNAUTHORIZED);
        assertThat(result.error().messageOrDefault()).isEqualTo("The incoming token has expired");
        assertUnauthorized(verify(sign(idClaims().expirationTime(null).build(), key1)));
        assertUnauthorized(verify(sign(idClaims().notBeforeTime(Date.from(NOW.plusSeconds(600))).build(), key1)));
    }

    @Test
    void aTokenOfAnotherPoolIsRefusedWithoutFetchingAnything() throws Exception {
        assertUnauthorized(verify(sign(idClaims().issuer("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Evil")
                .build(), key1)));
        assertUnauthorized(verify(sign(idClaims().issuer(null).build(), key1)));
        assertThat(jwks.fetches()).isZero();
    }

    @Test
    void anUnknownKeyIsLookedForOnceMoreThenRefusedAndFloodsDoNotRefetch() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();
        assertThat(verify(sign(idClaims().build(), key1)).accepted()).isTrue();
        clock.advance(CognitoKeys.MIN_REFETCH_INTERVAL);
        assertUnauthorized(verify(sign(idClaims().build(), stranger)));
        assertThat(jwks.fetches()).isEqualTo(2);
        for (int i = 0; i < 20; i++) {
            RSAKey madeUp = new RSAKey.Builder(key1.toRSAPublicKey()).privateKey(key1.toRSAPrivateKey())
                    .keyID("made-up-" + i).build();
            assertUnauthorized(verify(sign(idClaims().build(), madeUp)));
        }
        assertThat(jwks.fetches()).isEqualTo(2);
        RSAKey impostor = new RSAKey.Builder(stranger.toRSAPublicKey()).privateKey(stranger.toRSAPrivateKey())
                .keyID("key-1").build();
        assertUnauthorized(verify(sign(idClaims().build(), impostor)));
    }

    @Test
    void aRotatedKeyIsAcceptedAfterTheSetIsFetchedAgain() throws Exception {
        assertThat(verify(sign(idClaims().build(), key1)).accepted()).isTrue();
        jwks.serve(key2);
        clock.advance(CognitoKeys.MIN_REFETCH_INTERVAL.plusSeconds(1));
        assertThat(verify(sign(idClaims().build(), key2)).accepted()).isTrue();
        assertThat(jwks.fetches()).isEqualTo(2);
        // The old key left the set: its tokens now fail, and the set is not fetched again so soon.
        assertUnauthorized(verify(sign(idClaims().build(), key1)));
        assertThat(jwks.fetches()).isEqualTo(2);
    }

    @Test
    void scopesTakeAnAccessTokenHoldingOneOfThem() throws Exception {
        assertThat(verify(sign(accessClaims("orders/read orders/write").build(), key1), "orders/write", "other")
                .accepted()).isTrue();
        assertUnauthorized(verify(sign(accessClaims("orders/read").build(), key1), "orders/write"));
        assertUnauthorized(verify(sign(idClaims().build(), key1), "orders/read"));
        assertUnauthorized(verify(sign(accessClaims("orders/read").build(), key1)));
        assertUnauthorized(verify(sign(idClaims().claim("token_use", "refresh").build(), key1)));
    }

    @Test
    void garbageIsUnauthorized() throws Exception {
        String valid = sign(idClaims().build(), key1);
        String[] parts = valid.split("\\.");
        String none = new PlainJWT(idClaims().build()).serialize();
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("key-1")
                .type(JOSEObjectType.JWT).build(), idClaims().build());
        hmac.sign(new MACSigner(key1.toRSAPublicKey().getEncoded()));
        SignedJWT noKeyId = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), idClaims().build());
        noKeyId.sign(new RSASSASigner(key1));
        for (String header : new String[] {null, "", "   ", "Bearer ", "abc", "a.b", parts[0] + "." + parts[1],
                "!!!." + parts[1] + "." + parts[2], parts[0] + ".%%%." + parts[2], parts[0] + "." + parts[1] + ".AAAA",
                none, hmac.serialize(), noKeyId.serialize(), "Basic " + valid, valid + "x"}) {
            assertUnauthorized(verify(header));
        }
    }

    @Test
    void aPoolWhoseKeysCannotBeFetchedIsAnAuthorizerFailure() throws Exception {
        jwks.fail(503);
        CognitoResult result = verify(sign(idClaims().build(), key1));
        assertThat(result.error().type()).isEqualTo(GatewayResponseType.AUTHORIZER_FAILURE);
        assertThat(result.error().statusOrDefault()).isEqualTo(500);
        assertThat(result.error().detail()).isEqualTo("keys of user pool us-east-1_TestPool unavailable: "
                + "JWKS " + jwks.url() + " answered 503");
        // Within the refetch interval the failure is remembered rather than retried.
        assertThat(verify(sign(idClaims().build(), key1)).error().type())
                .isEqualTo(GatewayResponseType.AUTHORIZER_FAILURE);
        assertThat(jwks.fetches()).isEqualTo(1);
        jwks.serve(key1);
        clock.advance(CognitoKeys.MIN_REFETCH_INTERVAL);
        assertThat(verify(sign(idClaims().build(), key1)).accepted()).isTrue();
    }

    @Test
    void theCallersThreadNeverWaitsAndConcurrentRequestsShareOneFetch() throws Exception {
        CountDownLatch answer = jwks.holdAnswers();
        String token = sign(idClaims().build(), key1);
        CompletableFuture<CognitoResult> first = verifier.verify(token, List.of());
        CompletableFuture<CognitoResult> second = verifier.verify(token, List.of());
        assertThat(first).isNotDone();
        assertThat(second).isNotDone();
        answer.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).accepted()).isTrue();
        assertThat(second.get(10, TimeUnit.SECONDS).accepted()).isTrue();
        assertThat(jwks.fetches()).isEqualTo(1);
    }

    @Test
    void aFetchThatDoesNotAnswerInTimeIsAnAuthorizerFailure() throws Exception {
        CountDownLatch answer = jwks.holdAnswers();
        CognitoKeys impatient = new CognitoKeys(CognitoKeys.jwksUrlOverrides(Map.of(
                "turnpike.cognito." + POOL + ".jwksUrl", jwks.url())), CognitoKeys.defaultClient(), clock,
                Duration.ofMillis(200));
        CognitoResult result = new CognitoVerifier(List.of(POOL_ARN), impatient, clock)
                .verify(sign(idClaims().build(), key1), List.of()).get(10, TimeUnit.SECONDS);
        answer.countDown();
        assertThat(result.error().type()).isEqualTo(GatewayResponseType.AUTHORIZER_FAILURE);
        assertThat(result.error().detail()).startsWith("keys of user pool us-east-1_TestPool unavailable: ");
    }

    @Test
    void badConfigurationAndProviderArns() {
        assertThatThrownBy(() -> CognitoKeys.fromConfig(Map.of("turnpike.cognito.p1.jwksUrl", "not a url",
                "turnpike.cognito.p2.jwks", "http://x"), CognitoKeys.defaultClient(), Clock.systemUTC()))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).containsExactlyInAnyOrder(
                        "turnpike.cognito.p1.jwksUrl: 'not a url' is not an absolute http(s) URL",
                        "turnpike.cognito.p2.jwks: expected turnpike.cognito.<poolId>.jwksUrl"));
        assertThatThrownBy(() -> UserPoolArn.parse("arn:aws:cognito-idp:us-east-1:123456789012:pool/x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a Cognito user pool ARN (arn:aws:cognito-idp:{region}:{account}:userpool/{poolId}): "
                        + "'arn:aws:cognito-idp:us-east-1:123456789012:pool/x'");
        UserPoolArn pool = UserPoolArn.parse(POOL_ARN);
        assertThat(pool.issuer()).isEqualTo(ISSUER);
        assertThat(pool.defaultJwksUri()).hasToString(ISSUER + "/.well-known/jwks.json");
    }

    /** A clock the test moves by hand. */
    private static final class TestClock extends Clock {
        private Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
