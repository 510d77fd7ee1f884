package dev.turnpike.codegen.openapi;

import dev.turnpike.codegen.check.Diagnostics;
import dev.turnpike.codegen.model.JsonPointer;
import dev.turnpike.codegen.openapi.OperationSource.ParameterDeclaration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code x-amazon-apigateway-any-method}: an operation object for every HTTP method ({@code ANY}). swagger-parser
 * leaves it as a raw value (and does not convert it from Swagger 2), so the fields a method needs are read here.
 */
final class AnyMethodReader {

    static final String NAME = "x-amazon-apigateway-any-method";

    private AnyMethodReader() {
    }

    /** The operation, or {@code null} when the value is not an object (reported). */
    static OperationSource read(Object value, String resourcePath, JsonPointer pointer,
            List<ParameterDeclaration> pathParameters, ParameterReader parameterReader, Diagnostics diagnostics) {
        if (!(value instanceof Map<?, ?> raw)) {
            diagnostics.error(pointer, "expected an operation object, found " + ExtensionObject.describe(value));
            return null;
        }
        List<ParameterDeclaration> parameters = new ArrayList<>(pathParameters);
        parameters.addAll(parameterReader.fromRaw(raw.get("parameters"), pointer.append("parameters")));
        Map<String, Object> extensions = new LinkedHashMap<>();
        raw.forEach((key, field) -> {
            if (String.valueOf(key).startsWith("x-")) {
                extensions.put(String.valueOf(key), field);
            }
        });
        String operationId = raw.get("operationId") instanceof String id ? id : null;
        return new OperationSource(pointer, resourcePath, "ANY", operationId, parameters,
                security(raw.get("security"), pointer.append("security"), diagnostics), extensions);
    }

    /** The raw {@code security} list, or {@code null} when absent (the root's applies). */
    private static List<Map<String, List<String>>> security(Object value, JsonPointer pointer,
            Diagnostics diagnostics) {
        if (value == null) {
            return null;
        }
        List<Map<String, List<String>>> requirements = new ArrayList<>();
        if (!(value instanceof List<?> list)) {
            diagnostics.error(pointer, "expected a list, found " + ExtensionObject.describe(value));
            return requirements;
        }
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> requirement)) {
                diagnostics.error(pointer.append(i),
                        "expected an object, found " + ExtensionObject.describe(list.get(i)));
                continue;
            }
            Map<String, List<String>> names = new LinkedHashMap<>();
            requirement.keySet().forEach(name -> names.put(String.valueOf(name), List.of()));
            requirements.add(names);
        }
        return requirements;
    }
}
