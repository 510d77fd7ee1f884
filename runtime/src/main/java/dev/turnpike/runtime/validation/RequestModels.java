package dev.turnpike.runtime.validation;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * An API's models as JSON Schema draft 4, compiled once when the gateway is built. A model may {@code $ref}
 * another as {@code #/components/schemas/Name}, {@code #/definitions/Name} or API Gateway's
 * {@code https://apigateway.amazonaws.com/restapis/<id>/models/Name}; circular references are fine.
 */
public final class RequestModels {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern MODEL_REF =
            Pattern.compile("^(?:#/components/schemas/|#/definitions/|https?://apigateway\\.amazonaws\\.com/restapis/[^/]+/models/)(.+)$");

    private final Map<String, Schema> schemas = new HashMap<>();

    /**
     * @param models model name to its schema as JSON text
     * @throws IllegalArgumentException naming the model whose schema is not JSON or not a schema
     */
    public RequestModels(Map<String, String> models) {
        Map<String, JsonNode> parsed = new HashMap<>();
        models.forEach((name, text) -> {
            try {
                parsed.put(name, rewriteRefs(JSON.readTree(text)));
            } catch (JacksonException e) {
                throw new IllegalArgumentException("model " + name + ": not JSON: " + e.getOriginalMessage(), e);
            }
        });
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
        parsed.forEach((name, node) -> {
            ObjectNode document = node.isObject() ? ((ObjectNode) node).deepCopy() : JSON.createObjectNode();
            ObjectNode definitions = document.has("definitions") && document.get("definitions").isObject()
                    ? (ObjectNode) document.get("definitions") : document.putObject("definitions");
            parsed.forEach((other, schema) -> {
                if (!definitions.has(other)) {
                    definitions.set(other, schema);
                }
            });
            try {
                schemas.put(name, registry.getSchema(JSON.writeValueAsString(document)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("model " + name + ": not a JSON schema: " + e.getMessage(), e);
            }
        });
    }

    public boolean has(String model) {
        return schemas.containsKey(model);
    }

    /**
     * What is wrong with {@code body} as an instance of {@code model}: nothing (an empty list) when it is valid. An
     * empty body is validated as {@code {}}, as AWS does; a body that is not JSON is one problem.
     */
    public List<String> problems(String model, String body) {
        Schema schema = schemas.get(model);
        if (schema == null) {
            throw new IllegalArgumentException("no model " + model);
        }
        JsonNode instance;
        try {
            instance = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (JacksonException e) {
            return List.of("the body is not JSON: " + e.getOriginalMessage());
        }
        List<String> problems = new ArrayList<>();
        for (Error error : schema.validate(instance)) {
            String at = String.valueOf(error.getInstanceLocation());
            problems.add(at.isEmpty() || at.equals("$") ? error.getMessage() : at + ": " + error.getMessage());
        }
        return problems;
    }

    private static JsonNode rewriteRefs(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> names = new ArrayList<>(object.propertyNames());
            for (String field : names) {
                JsonNode value = object.get(field);
                if (field.equals("$ref") && value.isString()) {
                    Matcher ref = MODEL_REF.matcher(value.asString());
                    if (ref.matches()) {
                        object.set("$ref", StringNode.valueOf("#/definitions/" + ref.group(1)));
                    }
                } else {
                    rewriteRefs(value);
                }
            }
        } else if (node.isArray()) {
            node.forEach(RequestModels::rewriteRefs);
        }
        return node;
    }
}
