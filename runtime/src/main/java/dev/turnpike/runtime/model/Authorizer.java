package dev.turnpike.runtime.model;

import java.util.List;
import java.util.Objects;

/**
 * One authorizer of {@code x-amazon-apigateway-authorizer}, as API Gateway's {@code Authorizer} has it. Methods
 * that name its security scheme share it, and with it the cache of its results.
 *
 * @param name the security scheme's name, which is the authorizer's name in API Gateway
 * @param type {@code TOKEN} or {@code REQUEST} (a Lambda authorizer), or {@code COGNITO_USER_POOLS}
 * @param authorizerUri the Lambda function's invocation uri; {@code null} for Cognito
 * @param identitySource comma-separated {@code method.request.header.X}, {@code method.request.querystring.X},
 *     {@code stageVariables.X} or {@code context.X}; for a TOKEN authorizer exactly one header
 * @param identityValidationExpression a regular expression a TOKEN authorizer's token must match before the
 *     function is called; {@code null} for none
 * @param resultTtlInSeconds how long a result is reused for the same identity sources; 0 turns caching off
 * @param providerArns the Cognito user pools whose tokens are accepted
 */
public record Authorizer(
        String name,
        String type,
        String authorizerUri,
        String identitySource,
        String identityValidationExpression,
        int resultTtlInSeconds,
        List<String> providerArns) {

    /** API Gateway's default {@code authorizerResultTtlInSeconds}. */
    public static final int DEFAULT_TTL_SECONDS = 300;

    public Authorizer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        providerArns = List.copyOf(providerArns);
    }

    public boolean isLambda() {
        return type.equals("TOKEN") || type.equals("REQUEST");
    }

    /** A Lambda authorizer of {@code type} TOKEN or REQUEST calling the function of {@code authorizerUri}. */
    public static Builder lambda(String name, String type, String authorizerUri) {
        return new Builder(name, type).authorizerUri(authorizerUri);
    }

    /** A Cognito user pool authorizer accepting the pools of {@code providerArns}. */
    public static Builder cognito(String name, String... providerArns) {
        return new Builder(name, "COGNITO_USER_POOLS").providerArns(List.of(providerArns));
    }

    public static final class Builder {
        private final String name;
        private final String type;
        private String authorizerUri;
        private String identitySource = "method.request.header.Authorization";
        private String identityValidationExpression;
        private int resultTtlInSeconds = DEFAULT_TTL_SECONDS;
        private List<String> providerArns = List.of();

        private Builder(String name, String type) {
            this.name = name;
            this.type = type;
        }

        private Builder authorizerUri(String uri) {
            this.authorizerUri = uri;
            return this;
        }

        private Builder providerArns(List<String> arns) {
            this.providerArns = arns;
            return this;
        }

        public Builder identitySource(String identitySource) {
            this.identitySource = identitySource;
            return this;
        }

        public Builder identityValidationExpression(String expression) {
            this.identityValidationExpression = expression;
            return this;
        }

        public Builder resultTtlInSeconds(int seconds) {
            this.resultTtlInSeconds = seconds;
            return this;
        }

        public Authorizer build() {
            return new Authorizer(name, type, authorizerUri, identitySource, identityValidationExpression,
                    resultTtlInSeconds, providerArns);
        }
    }
}
