package dev.turnpike.codegen.model;

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
        IntegrationModel integration) {

    public OperationModel {
        requestParameters = OrderedMaps.copyOf(requestParameters);
    }

    /** {@code GET /pets}, the way messages name a method. */
    public String describe() {
        return httpMethod + " " + resourcePath;
    }
}
