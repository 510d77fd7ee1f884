package dev.turnpike.runtime.response;

import java.util.List;
import java.util.Map;

/**
 * What a gateway response can see of the request that failed: the method request's parameters (as far as the
 * pipeline got: no path parameters before a route matched), the stage's variables and {@code $context}.
 *
 * @param context {@code $context} values without {@code error}, which rendering adds
 */
public record ErrorRequest(
        Map<String, String> pathParameters,
        Map<String, List<String>> queryParameters,
        Map<String, List<String>> headers,
        Map<String, String> stageVariables,
        Map<String, Object> context) {

    /** A request nothing is known about. */
    public static final ErrorRequest NONE = new ErrorRequest(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

    public ErrorRequest {
        pathParameters = Map.copyOf(pathParameters);
        queryParameters = Map.copyOf(queryParameters);
        headers = Map.copyOf(headers);
        stageVariables = Map.copyOf(stageVariables);
        context = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(context));
    }
}
