package dev.turnpike.runtime.auth;

import dev.turnpike.runtime.response.GatewayError;
import dev.turnpike.runtime.response.GatewayResponseType;
import jakarta.json.JsonObject;

/** The policy a Lambda authorizer returned, evaluated for one method. */
public final class AuthorizerPolicies {

    private AuthorizerPolicies() {
    }

    /**
     * {@code null} when {@code policy} allows {@code execute-api:Invoke} on {@code methodArn} and denies it nowhere;
     * else 403, worded as API Gateway words an explicit deny and a missing allow.
     */
    public static GatewayError check(JsonObject policy, String methodArn, String authorizer) {
        throw new UnsupportedOperationException("merged with the policy package");
    }
}
