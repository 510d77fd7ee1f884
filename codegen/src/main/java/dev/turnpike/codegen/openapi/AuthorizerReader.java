package dev.turnpike.codegen.openapi;

import dev.turnpike.codegen.check.Diagnostics;
import dev.turnpike.codegen.model.JsonPointer;
import java.util.Locale;

/**
 * {@code x-amazon-apigateway-authorizer} on a security scheme. For now only its type is read, to record the
 * method's authorization type; the authorizer itself (Lambda, Cognito) comes with its own feature.
 */
final class AuthorizerReader {

    static final String NAME = "x-amazon-apigateway-authorizer";

    private AuthorizerReader() {
    }

    /** {@code CUSTOM} or {@code COGNITO_USER_POOLS}; {@code null} when absent or wrong (reported). */
    static String authorizationType(Object value, JsonPointer pointer, Diagnostics diagnostics) {
        if (value == null) {
            return null;
        }
        ExtensionObject authorizer = ExtensionObject.of(value, pointer, diagnostics);
        if (authorizer == null) {
            return null;
        }
        String type = authorizer.string("type");
        if (type == null) {
            diagnostics.error(pointer, "missing type: expected token, request or cognito_user_pools");
            return null;
        }
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "token", "request" -> "CUSTOM";
            case "cognito_user_pools" -> "COGNITO_USER_POOLS";
            default -> {
                diagnostics.error(pointer.append("type"),
                        "unknown authorizer type '" + type + "': expected token, request or cognito_user_pools");
                yield null;
            }
        };
    }
}
