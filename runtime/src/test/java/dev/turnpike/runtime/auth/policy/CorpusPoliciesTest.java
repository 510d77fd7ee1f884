package dev.turnpike.runtime.auth.policy;

import static dev.turnpike.runtime.auth.policy.PolicyResult.ALLOW;
import static dev.turnpike.runtime.auth.policy.PolicyResult.EXPLICIT_DENY;
import static dev.turnpike.runtime.auth.policy.PolicyResult.IMPLICIT_DENY;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The resource policies of the recorded definitions in shared/conformance/openapi-aws, read and evaluated. */
class CorpusPoliciesTest {

    private static final Path CORPUS = Path.of(System.getProperty("turnpike.shared", "../../shared"), "conformance",
            "openapi-aws");

    private static RequestFacts call(String method, String path, String ip, String vpce) {
        return new RequestFacts(RequestFacts.INVOKE, ExecuteApiArn.of("us-east-1", "123456789012", "abc123", "Prod",
                method, path), null, ip, vpce, vpce == null ? null : "vpc-1");
    }

    @Test
    void samIpRangePolicyDeniesEveryoneOnPutGet() throws Exception {
        JsonObject definition;
        try (Reader file = Files.newBufferedReader(CORPUS.resolve("sam-policy-ip-range.json"));
                JsonReader reader = Json.createReader(file)) {
            definition = reader.readObject();
        }
        PolicyDocument policy = PolicyDocument.from(
                resolveSubs(definition.getJsonObject("x-amazon-apigateway-policy")).asJsonObject());
        assertThat(policy.problems()).isEmpty();
        // SAM turned an IP allow list and an IP deny list naming the same address into Deny NotIpAddress plus
        // Deny IpAddress: together they refuse every caller of PUT /get, and say nothing of other methods.
        assertThat(PolicyEvaluation.evaluate(policy, call("PUT", "/get", "1.2.3.4", null))).isEqualTo(EXPLICIT_DENY);
        assertThat(PolicyEvaluation.evaluate(policy, call("PUT", "/get", "5.6.7.8", null))).isEqualTo(EXPLICIT_DENY);
        assertThat(PolicyEvaluation.evaluate(policy, call("GET", "/get", "1.2.3.4", null))).isEqualTo(IMPLICIT_DENY);
        assertThat(AccessDecision.resourcePolicyOnly(policy, call("PUT", "/get", "1.2.3.4", null)).orElseThrow()
                .message()).isEqualTo("User: anonymous is not authorized to perform: execute-api:Invoke on resource: "
                        + "arn:aws:execute-api:us-east-1:123456789012:abc123/Prod/PUT/get with an explicit deny");
    }

    @Test
    void privateApiPolicyAllowsOnlyItsVpcEndpoint() throws Exception {
        // The x-amazon-apigateway-policy of sp-private-api-policy-inline.yaml, with its !Ref VpcEndpoint resolved.
        PolicyDocument policy = PolicyDocument.parse("""
                {"Version": "2012-10-17",
                 "Statement": [{"Effect": "Allow", "Principal": "*", "Action": ["execute-api:Invoke"],
                   "Resource": "execute-api:/*",
                   "Condition": {"StringEquals": {"aws:sourceVpce": "vpce-0123456789abcdef0"}}}]}""");
        assertThat(policy.problems()).isEmpty();
        assertThat(PolicyEvaluation.evaluate(policy, call("GET", "/get", "10.0.0.5", "vpce-0123456789abcdef0")))
                .isEqualTo(ALLOW);
        assertThat(PolicyEvaluation.evaluate(policy, call("GET", "/get", "10.0.0.5", "vpce-other")))
                .isEqualTo(IMPLICIT_DENY);
        assertThat(PolicyEvaluation.evaluate(policy, call("GET", "/get", "203.0.113.5", null)))
                .isEqualTo(IMPLICIT_DENY);
    }

    /** Replaces CloudFormation's {@code {"Fn::Sub": [template, {name: value}]}} with the substituted string. */
    private static JsonValue resolveSubs(JsonValue value) {
        if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            value.asJsonArray().forEach(item -> array.add(resolveSubs(item)));
            return array.build();
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            return value;
        }
        JsonObject object = value.asJsonObject();
        if (object.size() == 1 && object.containsKey("Fn::Sub")) {
            JsonArray sub = object.getJsonArray("Fn::Sub");
            String text = sub.getString(0);
            for (Map.Entry<String, JsonValue> variable : sub.getJsonObject(1).entrySet()) {
                text = text.replace("${" + variable.getKey() + "}", ((JsonString) variable.getValue()).getString());
            }
            return Json.createValue(text);
        }
        JsonObjectBuilder builder = Json.createObjectBuilder();
        object.forEach((key, item) -> builder.add(key, resolveSubs(item)));
        return builder.build();
    }
}
