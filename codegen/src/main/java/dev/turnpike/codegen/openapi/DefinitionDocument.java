package dev.turnpike.codegen.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;

/**
 * The parsed definition written back as OpenAPI 3 JSON by swagger-parser's own serializer: what the management
 * API's {@code GetExport} shapes and answers. A Swagger 2 definition comes out converted, without the converter's
 * {@code x-original-swagger-version} mark (API Gateway's export carries no such field).
 */
final class DefinitionDocument {

    private DefinitionDocument() {
    }

    static String json(OpenAPI api, String swagger2Mark) {
        ObjectMapper mapper = api.getSpecVersion() == SpecVersion.V31 ? Json31.mapper() : Json.mapper();
        ObjectNode tree = mapper.valueToTree(api);
        tree.remove(swagger2Mark);
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            // A tree Jackson just built always writes back; this would be a bug in the serializer.
            throw new IllegalStateException("cannot write the definition back as JSON: " + e.getMessage(), e);
        }
    }
}
