package dev.turnpike.codegen.openapi;

import dev.turnpike.codegen.check.Diagnostics;
import dev.turnpike.codegen.model.JsonPointer;
import dev.turnpike.runtime.model.MethodValidation;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code x-amazon-apigateway-request-validators} (name to {@code validateRequestBody},
 * {@code validateRequestParameters}) with the default {@code x-amazon-apigateway-request-validator} at the root and
 * each method's own, and the models the validated methods' request bodies name.
 */
final class RequestValidatorsReader {

    static final String VALIDATORS = "x-amazon-apigateway-request-validators";
    static final String VALIDATOR = "x-amazon-apigateway-request-validator";

    private static final List<String> FIELDS = List.of("validateRequestBody", "validateRequestParameters");
    private static final Pattern ANY_REF = Pattern.compile("\"\\$ref\"\\s*:\\s*\"#/(?:components/schemas|definitions)/([^\"]+)\"");

    private record Validator(boolean body, boolean parameters) {
    }

    private final Map<String, Validator> validators = new LinkedHashMap<>();
    private final String rootDefault;
    private final Diagnostics diagnostics;

    RequestValidatorsReader(Map<String, Object> rootExtensions, Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
        Object value = rootExtensions.get(VALIDATORS);
        JsonPointer pointer = JsonPointer.of(VALIDATORS);
        ExtensionObject root = value == null ? null : ExtensionObject.of(value, pointer, diagnostics);
        if (root != null) {
            for (String name : root.fieldNames()) {
                ExtensionObject validator = root.requiredObject(name);
                if (validator != null) {
                    validator.rejectUnknownFields(FIELDS, "a request validator");
                    validators.put(name, new Validator(flag(validator, "validateRequestBody"),
                            flag(validator, "validateRequestParameters")));
                }
            }
        }
        rootDefault = name(rootExtensions.get(VALIDATOR), JsonPointer.of(VALIDATOR));
    }

    /** The method's validation, or {@code null} when no validator applies to it. */
    MethodValidation read(OperationSource source) {
        JsonPointer pointer = source.pointer().append(VALIDATOR);
        String name = source.extensions().containsKey(VALIDATOR)
                ? name(source.extensions().get(VALIDATOR), pointer) : rootDefault;
        if (name == null) {
            return null;
        }
        Validator validator = validators.get(name);
        if (validator == null) {
            diagnostics.error(source.extensions().containsKey(VALIDATOR) ? pointer : JsonPointer.of(VALIDATOR),
                    "no request validator '" + name + "' in " + VALIDATORS
                            + (validators.isEmpty() ? "" : "; there are " + String.join(", ", validators.keySet())));
            return null;
        }
        if (!validator.body() && !validator.parameters()) {
            return null;
        }
        return new MethodValidation(name, validator.parameters(), validator.body(), source.requestModels());
    }

    /**
     * The models the validated methods' bodies name, and every model those reference, as JSON Schema text (the
     * definition's own, references as written).
     */
    static Map<String, String> models(OpenAPI api, Map<String, MethodValidation> validation, RequestBodyModels bodies,
            Diagnostics diagnostics) {
        Map<String, String> models = new LinkedHashMap<>();
        @SuppressWarnings("rawtypes")
        Map<String, Schema> schemas = api.getComponents() == null || api.getComponents().getSchemas() == null
                ? Map.of() : api.getComponents().getSchemas();
        Deque<String> wanted = new ArrayDeque<>();
        Set<String> seen = new LinkedHashSet<>();
        validation.values().stream().filter(MethodValidation::validateRequestBody)
                .forEach(method -> wanted.addAll(method.requestModels().values()));
        while (!wanted.isEmpty()) {
            String name = wanted.pop();
            if (!seen.add(name)) {
                continue;
            }
            Schema<?> schema = schemas.containsKey(name) ? schemas.get(name) : bodies.inline(name);
            if (schema == null) {
                diagnostics.error(JsonPointer.of("components", "schemas", name), "no model '" + name
                        + "', which a validated request body names");
                continue;
            }
            String json;
            try {
                json = Json.mapper().writeValueAsString(schema);
            } catch (Exception e) {
                diagnostics.error(JsonPointer.of("components", "schemas", name), "cannot write the model as JSON: " + e);
                continue;
            }
            models.put(name, json);
            Matcher ref = ANY_REF.matcher(json);
            while (ref.find()) {
                wanted.add(ref.group(1));
            }
        }
        return models;
    }

    private boolean flag(ExtensionObject object, String field) {
        String value = object.string(field);
        if (value == null) {
            return false;
        }
        if (!value.equals("true") && !value.equals("false")) {
            diagnostics.error(object.pointer().append(field), "expected true or false, found '" + value + "'");
        }
        return value.equals("true");
    }

    private String name(Object value, JsonPointer pointer) {
        if (value == null) {
            return null;
        }
        if (value instanceof String name) {
            return name;
        }
        diagnostics.error(pointer, "expected a validator name, found " + ExtensionObject.describe(value));
        return null;
    }
}
