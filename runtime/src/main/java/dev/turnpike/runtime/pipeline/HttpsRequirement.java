package dev.turnpike.runtime.pipeline;

import dev.turnpike.runtime.http.ClientRequest;
import dev.turnpike.runtime.response.GatewayError;
import dev.turnpike.runtime.response.GatewayResponseType;

/** API Gateway serves HTTPS only; so does Turnpike, whatever connectors the container has. */
final class HttpsRequirement {

    static final String MESSAGE = "HTTPS is required";

    private HttpsRequirement() {
    }

    static GatewayError check(ClientRequest request) {
        if (request.secure()) {
            return null;
        }
        return new GatewayError(GatewayResponseType.FORBIDDEN, MESSAGE, "plain HTTP request refused");
    }
}
