package dev.turnpike.codegen.websocket;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One route of a WebSocket definition with its integration, as {@code AWS::ApiGatewayV2::Route} and
 * {@code AWS::ApiGatewayV2::Integration} name the fields.
 *
 * @param routeResponseSelectionExpression {@code $default} for a two-way route, {@code null} for a one-way one
 * @param integrationType {@code MOCK}, {@code AWS_PROXY}, {@code HTTP} or {@code HTTP_PROXY}
 * @param integrationUri the Lambda invocation ARN of an AWS_PROXY integration, the URL of an HTTP one
 * @param integrationMethod an HTTP backend's method, {@code null} for POST (or no HTTP backend)
 * @param requestTemplates by template selection key ({@code $default})
 * @param responseTemplates the {@code $default} integration response's templates, by key
 * @param authorizer {@code $connect}'s REQUEST authorizer ({@code authorizationType: CUSTOM}), or {@code null}
 */
public record RouteModel(String routeKey, boolean apiKeyRequired, String routeResponseSelectionExpression,
        String integrationType, String integrationUri, String integrationMethod, Map<String, String> requestTemplates,
        Map<String, String> responseTemplates, long timeoutMillis, AuthorizerModel authorizer) {

    /** A REQUEST authorizer: its name, function and identity sources. */
    public record AuthorizerModel(String name, String authorizerUri, List<String> identitySource) {
        public AuthorizerModel {
            identitySource = List.copyOf(identitySource);
        }
    }

    public RouteModel {
        // sorted: toString() feeds the deployment id, which must not depend on hash order
        requestTemplates = Collections.unmodifiableMap(new TreeMap<>(requestTemplates));
        responseTemplates = Collections.unmodifiableMap(new TreeMap<>(responseTemplates));
    }
}
