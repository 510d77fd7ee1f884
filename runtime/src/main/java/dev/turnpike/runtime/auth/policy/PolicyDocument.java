package dev.turnpike.runtime.auth.policy;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;

/**
 * An IAM policy document: an API's resource policy ({@code x-amazon-apigateway-policy}), the policy a Lambda
 * authorizer returns, or a caller's identity policy.
 *
 * @param version {@code 2012-10-17}, {@code 2008-10-17}, or {@code null} when the document names none
 * @param statements in document order
 * @param problems what the document asks for that Turnpike cannot evaluate (an unknown condition operator or key);
 *     each fails closed, see {@link Condition}. Empty for a document Turnpike understands fully. Worth logging once.
 */
public record PolicyDocument(String version, List<Statement> statements, List<String> problems) {

    public PolicyDocument {
        statements = List.copyOf(statements);
        problems = List.copyOf(problems);
    }

    /** Reads a policy from its JSON text. */
    public static PolicyDocument parse(String json) throws PolicyParseException {
        if (json == null || json.isBlank()) {
            throw new PolicyParseException(List.of("the policy document is empty"));
        }
        JsonValue value;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            value = reader.readValue();
        } catch (JsonException e) {
            throw new PolicyParseException(List.of("the policy document is not JSON: " + e.getMessage()));
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new PolicyParseException(List.of("the policy document must be a JSON object, not "
                    + value.getValueType().name().toLowerCase(Locale.ROOT)));
        }
        return from(value.asJsonObject());
    }

    /** Reads a policy already parsed as JSON, such as the {@code policyDocument} a Lambda authorizer returns. */
    public static PolicyDocument from(JsonObject json) throws PolicyParseException {
        return new PolicyParser().document(json);
    }
}
