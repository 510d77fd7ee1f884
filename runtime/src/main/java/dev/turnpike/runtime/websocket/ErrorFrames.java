package dev.turnpike.runtime.websocket;

import jakarta.json.Json;

/**
 * The messages API Gateway sends a client when a message goes wrong, e.g.
 * {@code {"message": "Forbidden", "connectionId":"L0SM9cOFvHcCIhw=", "requestId":"L0SNAEn1vHcCFJA="}}.
 */
final class ErrorFrames {

    /** No route matched and there is no {@code $default}. */
    static final String FORBIDDEN = "Forbidden";
    /** The route's throttle refused the message. */
    static final String TOO_MANY_REQUESTS = "Too Many Requests";
    /** The integration failed. */
    static final String INTERNAL_SERVER_ERROR = "Internal server error";

    private ErrorFrames() {
    }

    static String of(String message, String connectionId, String requestId) {
        return Json.createObjectBuilder().add("message", message).add("connectionId", connectionId)
                .add("requestId", requestId).build().toString();
    }
}
