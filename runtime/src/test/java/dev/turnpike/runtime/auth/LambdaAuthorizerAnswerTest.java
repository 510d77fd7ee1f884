package dev.turnpike.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What API Gateway accepts from a Lambda authorizer, and the reasons it refuses the rest. */
class LambdaAuthorizerAnswerTest {

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    @Test
    void principalPolicyContextAndUsageKeyAreRead() {
        LambdaAuthorizers.Answer answer = LambdaAuthorizers.parse(json("""
                {"principalId": "user|a1", "policyDocument": {"Version": "2012-10-17", "Statement": []},
                 "context": {"s": "x", "n": 1, "b": true, "gone": null}, "usageIdentifierKey": "key"}"""));
        assertThat(answer.principalId()).isEqualTo("user|a1");
        assertThat(answer.policy().version()).isEqualTo("2012-10-17");
        assertThat(answer.context().context()).containsExactlyInAnyOrderEntriesOf(
                Map.of("s", "x", "n", 1, "b", true));
        assertThat(answer.context().usageIdentifierKey()).isEqualTo("key");
    }

    @Test
    void nullStatementElementsAreAbsentAsTheJavaEventsLibraryWritesThem() {
        LambdaAuthorizers.Answer answer = LambdaAuthorizers.parse(json("""
                {"principalId": "p", "policyDocument": {"Version": "2012-10-17", "Statement": [{"Action":
                 ["execute-api:Invoke"], "Effect": "Allow", "Resource": ["*"], "Condition": null}]}}"""));
        assertThat(answer.policy().statements()).hasSize(1);
    }

    @Test
    void whatApiGatewayRefusesIsAConfigurationError() {
        assertThatThrownBy(() -> LambdaAuthorizers.parse(json(
                "{\"principalId\": \"p\", \"policyDocument\": {\"Statement\": [{\"Effect\": \"allow\"}]}}")))
                .hasMessageStartingWith("Could not parse policy: Statement[0].Effect: must be Allow or Deny");
        assertThatThrownBy(() -> LambdaAuthorizers.parse(json("\"Allow\"")))
                .hasMessage("the authorizer's output is not a JSON object");
        assertThatThrownBy(() -> LambdaAuthorizers.parse(json("{\"policyDocument\": {}}")))
                .hasMessage("the authorizer's output has no principalId");
        assertThatThrownBy(() -> LambdaAuthorizers.parse(json("{\"principalId\": \"p\", \"policyDocument\": \"x\"}")))
                .hasMessage("Could not parse policy: the authorizer's output has no policyDocument object");
        assertThatThrownBy(() -> LambdaAuthorizers.parse(json(
                "{\"principalId\": \"p\", \"policyDocument\": {\"Statement\": []}, \"context\": {\"nested\": {\"a\": 1}}}")))
                .hasMessage("context value 'nested' is an object or array; an authorizer's context holds strings,"
                        + " numbers and booleans");
    }
}
