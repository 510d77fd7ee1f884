package dev.turnpike.runtime.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One method on one resource, as API Gateway's {@code Method} has it: the binding the generated code builds
 * for every operation of a definition.
 *
 * @param resourcePath the resource's path template, e.g. {@code /pets/{petId}}
 * @param httpMethod upper-case method, or {@code ANY} for {@code x-amazon-apigateway-any-method}
 * @param requestParameters declared method request parameters ({@code method.request.path.petId}) to whether
 *     they are required
 * @param authorizationType {@code NONE}, {@code AWS_IAM}, {@code CUSTOM} or {@code COGNITO_USER_POOLS}
 * @param authorizer the authorizer of a {@code CUSTOM} or {@code COGNITO_USER_POOLS} method; {@code null} otherwise
 * @param authorizationScopes the OAuth scopes a Cognito access token must carry one of; empty for none
 */
public record Operation(
        String resourcePath,
        String httpMethod,
        String operationId,
        Map<String, Boolean> requestParameters,
        boolean apiKeyRequired,
        String authorizationType,
        Authorizer authorizer,
        List<String> authorizationScopes,
        Integration integration) {

    public Operation {
        Objects.requireNonNull(resourcePath, "resourcePath");
        Objects.requireNonNull(httpMethod, "httpMethod");
        Objects.requireNonNull(integration, "integration");
        requestParameters = Map.copyOf(requestParameters);
        authorizationScopes = List.copyOf(authorizationScopes);
    }

    public static Builder on(String httpMethod, String resourcePath) {
        return new Builder(httpMethod, resourcePath);
    }

    @Override
    public String toString() {
        return httpMethod + " " + resourcePath + " -> " + integration.type()
                + (integration.uri() == null ? "" : " " + integration.uri());
    }

    public static final class Builder {
        private final String httpMethod;
        private final String resourcePath;
        private String operationId;
        private final Map<String, Boolean> requestParameters = new LinkedHashMap<>();
        private boolean apiKeyRequired;
        private String authorizationType = "NONE";
        private Authorizer authorizer;
        private final List<String> authorizationScopes = new ArrayList<>();
        private Integration integration;

        private Builder(String httpMethod, String resourcePath) {
            this.httpMethod = Objects.requireNonNull(httpMethod, "httpMethod");
            this.resourcePath = Objects.requireNonNull(resourcePath, "resourcePath");
        }

        public Builder operationId(String operationId) {
            this.operationId = operationId;
            return this;
        }

        public Builder requestParameter(String name, boolean required) {
            requestParameters.put(name, required);
            return this;
        }

        public Builder apiKeyRequired(boolean apiKeyRequired) {
            this.apiKeyRequired = apiKeyRequired;
            return this;
        }

        public Builder authorizationType(String authorizationType) {
            this.authorizationType = authorizationType;
            return this;
        }

        /** The method's authorizer; sets the authorization type to match it. */
        public Builder authorizer(Authorizer authorizer) {
            this.authorizer = authorizer;
            this.authorizationType = authorizer.isLambda() ? "CUSTOM" : "COGNITO_USER_POOLS";
            return this;
        }

        public Builder authorizationScope(String scope) {
            authorizationScopes.add(scope);
            return this;
        }

        public Builder integration(Integration integration) {
            this.integration = integration;
            return this;
        }

        public Operation build() {
            return new Operation(resourcePath, httpMethod, operationId, requestParameters, apiKeyRequired,
                    authorizationType, authorizer, authorizationScopes, integration);
        }
    }
}
