package dev.turnpike.runtime.auth.cognito;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.turnpike.runtime.response.GatewayError;
import dev.turnpike.runtime.response.GatewayResponseType;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A REST API's {@code COGNITO_USER_POOLS} authorizer: accepts a user pool token from the {@code Authorization}
 * header, raw or after {@code Bearer }, when one of the authorizer's pools signed it (RS256, key from the pool's
 * JWKS), its {@code iss} is that pool, it has not expired, and it is the kind of token the method asks for:
 * <ul>
 *   <li>a method without {@code authorizationScopes} takes an id token ({@code token_use} {@code id}) and refuses
 *       access tokens, as API Gateway does;</li>
 *   <li>a method with scopes takes an access token whose {@code scope} claim holds at least one of them, and
 *       refuses id tokens.</li>
 * </ul>
 * The audience ({@code aud}, {@code client_id}) is not checked: a REST API's Cognito authorizer has no setting for
 * it, unlike an HTTP API's JWT authorizer. {@code exp} and {@code nbf} are read with {@link #CLOCK_SKEW} of leeway.
 *
 * <p>Every refusal is 401 {@code Unauthorized} ({@code UnauthorizedException}), an expired token with AWS's
 * message {@code The incoming token has expired}; a token lacking the method's scope is also 401, as API Gateway
 * answers it for Cognito authorizers (the 403 for a missing scope belongs to HTTP APIs' JWT authorizers). A pool
 * whose keys cannot be fetched gives 500 {@code AUTHORIZER_FAILURE}.
 */
public final class CognitoVerifier {

    /** Leeway for clocks that disagree with Cognito's: a token is taken until a minute after its {@code exp}. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    static final String EXPIRED = "The incoming token has expired";
    private static final String BEARER = "bearer ";

    private final List<UserPoolArn> pools;
    private final CognitoKeys keys;
    private final Clock clock;

    /**
     * @param providerArns the authorizer's {@code providerARNs}, stage variables already resolved; an ARN that is
     *     not a user pool's fails with {@link IllegalArgumentException}
     */
    public CognitoVerifier(List<String> providerArns, CognitoKeys keys, Clock clock) {
        this.pools = providerArns.stream().map(UserPoolArn::parse).toList();
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * Verifies the token in {@code authorizationHeader} ({@code null} when the request has none) for a method
     * requiring {@code authorizationScopes} (empty for none). Never fails: every outcome is a {@link CognitoResult}.
     */
    public CompletableFuture<CognitoResult> verify(String authorizationHeader, List<String> authorizationScopes) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            return refused("no token in the Authorization header");
        }
        String token = authorizationHeader.strip();
        if (token.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            token = token.substring(BEARER.length()).strip();
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | RuntimeException e) {
            return refused("not a signed JWT: " + e.getMessage());
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            return refused("token algorithm is " + jwt.getHeader().getAlgorithm() + ", not RS256");
        }
        String keyId = jwt.getHeader().getKeyID();
        if (keyId == null) {
            return refused("token names no key (kid)");
        }
        UserPoolArn pool = pools.stream().filter(p -> p.issuer().equals(claims.getIssuer())).findFirst().orElse(null);
        if (pool == null) {
            return refused("token issuer " + claims.getIssuer() + " is none of the authorizer's user pools");
        }
        return keys.key(pool, keyId).handle((key, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                return CognitoResult.refused(GatewayError.of(GatewayResponseType.AUTHORIZER_FAILURE,
                        "keys of user pool " + pool.poolId() + " unavailable: " + cause.getMessage()));
            }
            try {
                return checkSigned(jwt, claims, key, authorizationScopes);
            } catch (RuntimeException e) {
                // A token crafted to trip the library is refused like any other bad token.
                return unauthorized("token cannot be checked: " + e);
            }
        });
    }

    private CognitoResult checkSigned(SignedJWT jwt, JWTClaimsSet claims, JWK key, List<String> scopes) {
        if (!(key instanceof RSAKey rsaKey)) {
            return unauthorized(key == null ? "the user pool has no key " + jwt.getHeader().getKeyID()
                    : "key " + key.getKeyID() + " is not an RSA key");
        }
        try {
            if (!jwt.verify(new RSASSAVerifier(rsaKey))) {
                return unauthorized("signature does not verify with key " + rsaKey.getKeyID());
            }
        } catch (JOSEException e) {
            return unauthorized("signature cannot be verified: " + e.getMessage());
        }
        Instant now = clock.instant();
        Date expiry = claims.getExpirationTime();
        if (expiry == null) {
            return unauthorized("token has no exp");
        }
        if (now.isAfter(expiry.toInstant().plus(CLOCK_SKEW))) {
            return CognitoResult.refused(new GatewayError(GatewayResponseType.UNAUTHORIZED, EXPIRED,
                    "token expired at " + expiry.toInstant()));
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.isBefore(notBefore.toInstant().minus(CLOCK_SKEW))) {
            return unauthorized("token not valid before " + notBefore.toInstant());
        }
        String problem = tokenKindProblem(claims, scopes);
        if (problem != null) {
            return unauthorized(problem);
        }
        return CognitoResult.accepted(ClaimStrings.of(jwt.getPayload().toJSONObject()));
    }

    /** Why the token is not what the method takes, or {@code null} when it is. */
    private static String tokenKindProblem(JWTClaimsSet claims, List<String> scopes) {
        Object tokenUse = claims.getClaim("token_use");
        if (scopes.isEmpty()) {
            return "id".equals(tokenUse) ? null : "method without scopes takes an id token, not token_use " + tokenUse;
        }
        if (!"access".equals(tokenUse)) {
            return "method with scopes " + scopes + " takes an access token, not token_use " + tokenUse;
        }
        Object scope = claims.getClaim("scope");
        List<String> granted = scope instanceof String s ? Arrays.asList(s.split(" ")) : List.of();
        return scopes.stream().anyMatch(granted::contains) ? null
                : "token scopes " + granted + " hold none of " + scopes;
    }

    private static CompletableFuture<CognitoResult> refused(String detail) {
        return CompletableFuture.completedFuture(unauthorized(detail));
    }

    private static CognitoResult unauthorized(String detail) {
        return CognitoResult.refused(GatewayError.of(GatewayResponseType.UNAUTHORIZED, detail));
    }
}
