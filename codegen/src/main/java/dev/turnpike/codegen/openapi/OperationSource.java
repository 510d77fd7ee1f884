package dev.turnpike.codegen.openapi;

import dev.turnpike.codegen.model.JsonPointer;
import java.util.List;
import java.util.Map;

/**
 * One operation as the definition states it, whether swagger-parser read it (get, put, ...) or it is the raw
 * object of {@code x-amazon-apigateway-any-method}, which swagger-parser leaves as an extension value.
 *
 * @param httpMethod upper case, or {@code ANY}
 * @param parameters path-item parameters first, then the operation's, {@code $ref}s resolved
 * @param security the operation's own requirements, or {@code null} to inherit the root's
 * @param extensions the operation's {@code x-} fields
 * @param requestModels the request body's content type to its model name ({@code $ref} to a schema), for
 *     request validation
 */
record OperationSource(
        JsonPointer pointer,
        String resourcePath,
        String httpMethod,
        String operationId,
        List<ParameterDeclaration> parameters,
        List<Map<String, List<String>>> security,
        Map<String, Object> extensions,
        Map<String, String> requestModels) {

    /** A declared parameter; {@code in} is {@code path}, {@code query}, {@code header} or {@code cookie}. */
    record ParameterDeclaration(String in, String name, boolean required, JsonPointer pointer) {
    }

    OperationSource {
        parameters = List.copyOf(parameters);
        extensions = extensions == null ? Map.of() : extensions;
        requestModels = requestModels == null ? Map.of() : requestModels;
    }

    OperationSource(JsonPointer pointer, String resourcePath, String httpMethod, String operationId,
            List<ParameterDeclaration> parameters, List<Map<String, List<String>>> security,
            Map<String, Object> extensions) {
        this(pointer, resourcePath, httpMethod, operationId, parameters, security, extensions, Map.of());
    }
}
