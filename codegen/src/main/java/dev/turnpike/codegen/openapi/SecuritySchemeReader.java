package dev.turnpike.codegen.openapi;

import dev.turnpike.codegen.check.Diagnostics;
import dev.turnpike.codegen.model.JsonPointer;
import dev.turnpike.runtime.model.Authorizer;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The security schemes an operation's {@code security} can name, and what each means to API Gateway: an
 * authorizer ({@code x-amazon-apigateway-authorizer}), IAM ({@code x-amazon-apigateway-authtype: awsSigv4}) or
 * the API key ({@code type: apiKey}, header {@code x-api-key}).
 */
final class SecuritySchemeReader {

    /**
     * @param authorizationType {@code AWS_IAM}, {@code CUSTOM} or {@code COGNITO_USER_POOLS}; {@code null} for the
     *     API key or a scheme API Gateway does not enforce
     * @param apiKey whether naming the scheme requires an API key
     * @param authorizer the scheme's authorizer; {@code null} for IAM and the API key
     */
    record SchemeAuthorization(String authorizationType, boolean apiKey, Authorizer authorizer) {
    }

    private SecuritySchemeReader() {
    }

    static Map<String, SchemeAuthorization> read(OpenAPI api, boolean swagger2, KnownExtensions extensions,
            Diagnostics diagnostics) {
        Map<String, SchemeAuthorization> schemes = new LinkedHashMap<>();
        if (api.getComponents() == null || api.getComponents().getSecuritySchemes() == null) {
            return schemes;
        }
        // Swagger 2 definitions are converted to OpenAPI 3; messages point into the file as written.
        JsonPointer base = swagger2
                ? JsonPointer.of("securityDefinitions")
                : JsonPointer.of("components", "securitySchemes");
        api.getComponents().getSecuritySchemes().forEach((name, scheme) -> {
            JsonPointer pointer = base.append(name);
            Map<String, Object> ext = scheme.getExtensions() == null ? Map.of() : scheme.getExtensions();
            extensions.visit(ext, pointer);
            Authorizer authorizer = AuthorizerReader.read(name, ext.get(AuthorizerReader.NAME), tokenHeader(scheme),
                    pointer.append(AuthorizerReader.NAME), diagnostics);
            String authType = AuthTypeReader.authorizationType(ext.get(AuthTypeReader.NAME));
            if (authorizer != null) {
                schemes.put(name, new SchemeAuthorization(
                        authorizer.isLambda() ? "CUSTOM" : "COGNITO_USER_POOLS", false, authorizer));
            } else if (ext.get(AuthorizerReader.NAME) != null) {
                // Reported by the reader; the build fails.
                schemes.put(name, new SchemeAuthorization(null, false, null));
            } else if ("AWS_IAM".equals(authType)) {
                schemes.put(name, new SchemeAuthorization(authType, false, null));
            } else if (isApiKey(scheme)) {
                schemes.put(name, new SchemeAuthorization(null, true, null));
            } else {
                schemes.put(name, new SchemeAuthorization(null, false, null));
                diagnostics.warning(pointer, "security scheme '" + name + "' has neither " + AuthorizerReader.NAME
                        + " nor " + AuthTypeReader.NAME + ": awsSigv4, and is not the x-api-key header, so API"
                        + " Gateway ignores it");
            }
        });
        return schemes;
    }

    /** The header an {@code apiKey} scheme names: where a token authorizer finds its token unless told otherwise. */
    private static String tokenHeader(SecurityScheme scheme) {
        return scheme.getType() == SecurityScheme.Type.APIKEY && scheme.getIn() == SecurityScheme.In.HEADER
                ? scheme.getName() : null;
    }

    private static boolean isApiKey(SecurityScheme scheme) {
        return scheme.getType() == SecurityScheme.Type.APIKEY
                && scheme.getIn() == SecurityScheme.In.HEADER
                && "x-api-key".equalsIgnoreCase(scheme.getName());
    }
}
