package dev.turnpike.runtime.auth.policy;

import dev.turnpike.runtime.response.GatewayError;
import dev.turnpike.runtime.response.GatewayResponseType;

/**
 * A request refused by policy, worded as API Gateway words it.
 *
 * @param status the HTTP status, 403
 * @param message the client-facing message
 * @param errorType the {@code x-amzn-ErrorType} header value, {@code AccessDeniedException}
 * @param bodyKey the JSON key AWS puts the message under when the API does not customise {@code ACCESS_DENIED}:
 *     {@code Message} (capital M) for every policy denial, unlike the {@code message} of other gateway responses
 * @param detail which policy decided, for the gateway's log only
 */
public record AccessDenial(int status, String message, String errorType, String bodyKey, String detail) {

    /** The body key of policy denials; see {@link #bodyKey}. */
    public static final String POLICY_BODY_KEY = "Message";

    static AccessDenial of(String message, String detail) {
        GatewayResponseType type = GatewayResponseType.ACCESS_DENIED;
        return new AccessDenial(type.defaultStatus(), message, type.errorType(), POLICY_BODY_KEY, detail);
    }

    /** This denial as the pipeline's failure value ({@code ACCESS_DENIED} with this message). */
    public GatewayError toGatewayError() {
        return new GatewayError(GatewayResponseType.ACCESS_DENIED, message, detail);
    }
}
