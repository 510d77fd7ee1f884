package dev.turnpike.codegen.model;

import dev.turnpike.runtime.model.Authorizer;
import java.util.List;
import java.util.Map;

/**
 * One method on one resource.
 *
 * @param pointer where the operation is, e.g. {@code /paths/~1pets/get}
 * @param resourcePath the path template as written, e.g. {@code /pets/{petId}}
 * @param httpMethod upper case, {@code ANY} for {@code x-amazon-apigateway-any-method}
 * @param operationId {@code null} when the definition gives none
 * @param requestParameters {@code method.request.path|querystring|header.X} to whether it is required; path
 *     template parameters are included (always required)
 * @param authorizationType {@code NONE}, {@code AWS_IAM}, {@code CUSTOM} or {@code COGNITO_USER_POOLS}
 * @param authorizer the scheme's authorizer of a {@code CUSTOM} or {@code COGNITO_USER_POOLS} method, else
 *     {@code null}
 * @param authorizationScopes the scopes the {@code security} requirement lists for a Cognito authorizer
 * @param integration {@code null} when the operation has no {@code x-amazon-apigateway-integration}
 */
public record OperationModel(
        JsonPointer pointer,
        String resourcePath,
        String httpMethod,
        String operationId,
        Map<String, Boolean> requestParameters,
        String authorizationType,
        boolean apiKeyRequired,
        Authorizer authorizer,
        List<String> authorizationScopes,
        IntegrationModel integration) {

    public OperationModel {
        requestParameters = OrderedMaps.copyOf(requestParameters);
        authorizationScopes = List.copyOf(authorizationScopes);
    }

    /**
     * The record's text (the deployment id hashes it), leaving out the authorizer and scopes when there are none,
     * so a definition without authorizers keeps the deployment id it had before they were read.
     */
    @Override
    public String toString() {
        return "OperationModel[pointer=" + pointer + ", resourcePath=" + resourcePath + ", httpMethod=" + httpMethod
                + ", operationId=" + operationId + ", requestParameters=" + requestParameters
                + ", authorizationType=" + authorizationType + ", apiKeyRequired=" + apiKeyRequired
                + (authorizer == null ? "" : ", authorizer=" + authorizer)
                + (authorizationScopes.isEmpty() ? "" : ", authorizationScopes=" + authorizationScopes)
                + ", integration=" + integration + "]";
    }

    /** {@code GET /pets}, the way messages name a method. */
    public String describe() {
        return httpMethod + " " + resourcePath;
    }
}
