package dev.turnpike.runtime.pipeline;

import dev.turnpike.runtime.response.GatewayError;

/** An integration's result: a method response, or a gateway error to render. Exactly one is set. */
public record Outcome(MethodResponse response, GatewayError error) {

    public static Outcome of(MethodResponse response) {
        return new Outcome(response, null);
    }

    public static Outcome of(GatewayError error) {
        return new Outcome(null, error);
    }
}
