package dev.turnpike.runtime.response;

import dev.turnpike.runtime.http.Headers;
import java.nio.charset.StandardCharsets;

/**
 * Renders gateway errors as AWS does by default: the type's status, {@code {"message":"..."}} (AWS's default
 * template {@code {"message":$context.error.messageString}}) and {@code x-amzn-ErrorType}.
 */
public final class GatewayResponses {

    private GatewayResponses() {
    }

    /** A rendered error. */
    public record Rendered(int status, Headers headers, byte[] body) {
    }

    public static Rendered render(GatewayError error) {
        byte[] body = ("{\"message\":" + Json.quote(error.messageOrDefault()) + "}")
                .getBytes(StandardCharsets.UTF_8);
        Headers headers = new Headers()
                .add("Content-Type", "application/json")
                .add("x-amzn-ErrorType", error.type().errorType());
        return new Rendered(error.type().defaultStatus(), headers, body);
    }
}
