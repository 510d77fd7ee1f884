package dev.turnpike.codegen.openapi;

import java.util.Locale;

/**
 * {@code x-amazon-apigateway-authtype} on a security scheme. Mostly a free-form label for the console; only
 * {@code awsSigv4} (IAM) and {@code cognito_user_pools} decide the method's authorization type.
 */
final class AuthTypeReader {

    static final String NAME = "x-amazon-apigateway-authtype";

    private AuthTypeReader() {
    }

    /** {@code AWS_IAM}, {@code COGNITO_USER_POOLS}, or {@code null} when the label decides nothing. */
    static String authorizationType(Object value) {
        if (!(value instanceof String label)) {
            return null;
        }
        return switch (label.toLowerCase(Locale.ROOT)) {
            case "awssigv4" -> "AWS_IAM";
            case "cognito_user_pools" -> "COGNITO_USER_POOLS";
            default -> null;
        };
    }
}
