package dev.turnpike.codegen.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The model of each request body per content type, as API Gateway imports them: a {@code $ref} to
 * {@code components.schemas} / {@code definitions} names its model; a body given by reference to
 * {@code components.requestBodies} is that body; an inline schema becomes a model of its own, named after the
 * operation ({@code CreatePetBody}), as the importer creates one for it.
 */
final class RequestBodyModels {

    private static final Pattern SCHEMA_REF = Pattern.compile("^#/(?:components/schemas|definitions)/(.+)$");
    private static final Pattern BODY_REF = Pattern.compile("^#/components/requestBodies/(.+)$");

    private final Components components;
    private final Map<String, Schema<?>> inline = new LinkedHashMap<>();

    RequestBodyModels(Components components) {
        this.components = components;
    }

    /** Content type to model name for the body of {@code METHOD path} (its {@code operationId} may be null). */
    Map<String, String> of(RequestBody body, String method, String path, String operationId) {
        Map<String, String> models = new LinkedHashMap<>();
        RequestBody resolved = resolve(body);
        if (resolved == null || resolved.getContent() == null) {
            return models;
        }
        resolved.getContent().forEach((contentType, media) -> {
            Schema<?> schema = media == null ? null : media.getSchema();
            if (schema == null) {
                return;
            }
            // swagger-parser gives a Swagger 2 body parameter without consumes the type */*; API Gateway imports
            // its model for application/json.
            String type = contentType.equals("*/*") ? "application/json" : contentType;
            if (schema.get$ref() != null) {
                Matcher ref = SCHEMA_REF.matcher(schema.get$ref());
                if (ref.matches()) {
                    models.put(type, ref.group(1));
                }
            } else {
                models.put(type, inlineModel(schema, method, path, operationId, models.size()));
            }
        });
        return models;
    }

    /** An inline body schema by the model name given to it; {@code null} for any other name. */
    Schema<?> inline(String name) {
        return inline.get(name);
    }

    private RequestBody resolve(RequestBody body) {
        if (body == null || body.get$ref() == null) {
            return body;
        }
        Matcher ref = BODY_REF.matcher(body.get$ref());
        if (!ref.matches() || components == null || components.getRequestBodies() == null) {
            return null;
        }
        return components.getRequestBodies().get(ref.group(1));
    }

    private String inlineModel(Schema<?> schema, String method, String path, String operationId, int index) {
        String base = operationId != null && !operationId.isBlank() ? capitalized(operationId)
                : capitalized(method.toLowerCase(Locale.ROOT)) + capitalized(path);
        base = base + "Body" + (index == 0 ? "" : String.valueOf(index + 1));
        String name = base;
        for (int n = 2; inline.containsKey(name) || (components != null && components.getSchemas() != null
                && components.getSchemas().containsKey(name)); n++) {
            name = base + n;
        }
        inline.put(name, schema);
        return name;
    }

    /** {@code /pets/{id}} is {@code PetsId}, {@code create-pet} is {@code CreatePet}: letters and digits only. */
    private static String capitalized(String text) {
        StringBuilder out = new StringBuilder();
        boolean upper = true;
        for (char c : text.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        return out.toString();
    }
}
