package dev.turnpike.runtime.auth;

import java.util.Map;

/**
 * What an authorizer said about the caller, for {@code $context.authorizer} and the Lambda proxy event's
 * {@code requestContext.authorizer}.
 *
 * @param principalId a Lambda authorizer's {@code principalId}; {@code null} for Cognito
 * @param context a Lambda authorizer's {@code context}: string, number and boolean values only, as AWS allows
 * @param claims a Cognito token's claims as API Gateway exposes them ({@code $context.authorizer.claims.sub})
 * @param usageIdentifierKey the API key a Lambda authorizer names for {@code apiKeySource: AUTHORIZER}, or
 *     {@code null}
 */
public record AuthorizerContext(String principalId, Map<String, Object> context, Map<String, String> claims,
        String usageIdentifierKey) {

    public AuthorizerContext {
        context = Map.copyOf(context);
        claims = Map.copyOf(claims);
    }

    public static AuthorizerContext ofClaims(Map<String, String> claims) {
        return new AuthorizerContext(null, Map.of(), claims, null);
    }
}
