package dev.turnpike.codegen.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.turnpike.codegen.check.Diagnostics;
import dev.turnpike.codegen.model.JsonPointer;
import dev.turnpike.runtime.auth.policy.PolicyDocument;
import dev.turnpike.runtime.auth.policy.PolicyParseException;
import io.swagger.v3.core.util.Json;
import java.util.Map;

/**
 * {@code x-amazon-apigateway-policy}: the API's resource policy, an IAM policy document. It is checked here with
 * the same parser the gateway uses, so a policy the gateway could not evaluate fails the build.
 */
final class ResourcePolicyReader {

    static final String NAME = "x-amazon-apigateway-policy";

    private ResourcePolicyReader() {
    }

    /** The policy as JSON text, or {@code null} when absent or wrong (reported). */
    static String read(Object value, JsonPointer pointer, Diagnostics diagnostics) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?>)) {
            diagnostics.error(pointer, "expected an IAM policy document (an object), found "
                    + ExtensionObject.describe(value));
            return null;
        }
        String json;
        try {
            json = Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            diagnostics.error(pointer, "cannot write the policy as JSON: " + e.getOriginalMessage());
            return null;
        }
        try {
            PolicyDocument.parse(json);
        } catch (PolicyParseException e) {
            e.problems().forEach(problem -> diagnostics.error(pointer, problem));
            return null;
        }
        return json;
    }
}
