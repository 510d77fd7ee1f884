package dev.turnpike.management;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * A deployment's definition shaped as API Gateway exports it for a stage: {@code openapi}, {@code info}, then one
 * server, the stage's invoke URL with the stage as the {@code basePath} variable, then the rest of the document
 * with only the {@code x-amazon-apigateway-*} extensions asked for; written as JSON or YAML.
 */
final class ExportDocument {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Quoted strings and no {@code ---}: how the OpenAPI 3 exports of AWS recorded in the corpus look. */
    private static final YAMLMapper YAML = YAMLMapper.builder().disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .build();

    private ExportDocument() {
    }

    /**
     * @param definition the deployment's definition as OpenAPI 3 JSON (what codegen kept)
     * @param invokeHost the stage's host, {@code <api id>.execute-api.<region>.amazonaws.com}
     * @param yaml YAML when {@code true}, JSON otherwise
     */
    static String shape(String definition, String invokeHost, String stage, ExportExtensions extensions,
            boolean yaml) {
        ObjectNode source = (ObjectNode) JSON.readTree(definition);
        ObjectNode export = JSON.createObjectNode();
        copy(source, "openapi", export);
        copy(source, "info", export);
        export.set("servers", servers(invokeHost, stage));
        for (Map.Entry<String, JsonNode> property : source.properties()) {
            if (!export.has(property.getKey())) {
                export.set(property.getKey(), property.getValue());
            }
        }
        strip(export, extensions);
        return yaml ? YAML.writeValueAsString(export) : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(export);
    }

    private static void copy(ObjectNode from, String name, ObjectNode to) {
        if (from.has(name)) {
            to.set(name, from.get(name));
        }
    }

    /** As AWS writes it: the path is the variable, whose default carries the stage with its leading slash. */
    private static ArrayNode servers(String invokeHost, String stage) {
        ObjectNode server = JSON.createObjectNode();
        server.put("url", "https://" + invokeHost + "/{basePath}");
        server.putObject("variables").putObject("basePath").put("default", "/" + stage);
        return JSON.createArrayNode().add(server);
    }

    private static void strip(JsonNode node, ExportExtensions extensions) {
        if (node instanceof ObjectNode object) {
            List<String> dropped = new ArrayList<>();
            for (Map.Entry<String, JsonNode> property : object.properties()) {
                if (extensions.keeps(property.getKey())) {
                    strip(property.getValue(), extensions);
                } else {
                    dropped.add(property.getKey());
                }
            }
            dropped.forEach(object::remove);
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> strip(element, extensions));
        }
    }
}
