package dev.turnpike.runtime.auth.cognito;

import dev.turnpike.runtime.response.GatewayError;
import java.util.Map;
import java.util.Objects;

/**
 * What a Cognito authorizer decided: the token's claims for {@code $context.authorizer.claims}, or the failure to
 * answer with.
 *
 * @param claims every claim as a string, as API Gateway exposes them; empty when refused
 * @param error {@code null} when accepted
 */
public record CognitoResult(Map<String, String> claims, GatewayError error) {

    public CognitoResult {
        claims = Map.copyOf(claims);
    }

    static CognitoResult accepted(Map<String, String> claims) {
        return new CognitoResult(claims, null);
    }

    static CognitoResult refused(GatewayError error) {
        return new CognitoResult(Map.of(), Objects.requireNonNull(error));
    }

    public boolean accepted() {
        return error == null;
    }
}
