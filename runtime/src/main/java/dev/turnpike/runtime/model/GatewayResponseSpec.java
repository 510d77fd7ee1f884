package dev.turnpike.runtime.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One customised gateway response of {@code x-amazon-apigateway-gateway-responses}, as API Gateway's
 * {@code GatewayResponse} has it.
 *
 * @param statusCode the status to send, e.g. {@code "401"}; {@code null} keeps the type's own
 * @param responseParameters {@code gatewayresponse.header.X} to its source: a {@code 'literal'},
 *     {@code method.request.(header|querystring|path).Y}, {@code context.Y} or {@code stageVariables.Y}
 * @param responseTemplates content type to template, in definition order
 * @param pointer where the response is in the definition, for messages
 */
public record GatewayResponseSpec(
        String statusCode,
        Map<String, String> responseParameters,
        Map<String, String> responseTemplates,
        String pointer) {

    public GatewayResponseSpec {
        responseParameters = frozen(responseParameters, "responseParameters");
        responseTemplates = frozen(responseTemplates, "responseTemplates");
        pointer = pointer == null ? "" : pointer;
        if (statusCode != null && !statusCode.matches("[1-5]\\d\\d")) {
            throw new IllegalArgumentException("not an HTTP status code: " + statusCode);
        }
    }

    /** {@code k1, v1, k2, v2, ...} as a map in that order: how generated code writes the parameters and templates. */
    public static Map<String, String> pairs(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("expected keys and values in pairs, found " + keysAndValues.length);
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Map<String, String> frozen(Map<String, String> values, String what) {
        Map<String, String> copy = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((k, v) -> copy.put(Objects.requireNonNull(k, what), Objects.requireNonNull(v, what)));
        }
        return java.util.Collections.unmodifiableMap(copy);
    }
}
