package dev.turnpike.runtime.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LambdaFunctionUriTest {

    private static final String PREFIX = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/";

    @Test
    void functionNameComesFromTheFunctionArn() {
        assertThat(LambdaFunctionUri.parse(PREFIX + "arn:aws:lambda:us-east-1:123456789012:function:pets/invocations",
                Map.of())).isEqualTo(new LambdaFunctionUri.Function("pets", null));
    }

    @Test
    void aliasIsTheQualifier() {
        assertThat(LambdaFunctionUri.parse(PREFIX + "arn:aws:lambda:eu-west-1:1:function:pets:live/invocations",
                Map.of())).isEqualTo(new LambdaFunctionUri.Function("pets", "live"));
    }

    @Test
    void stageVariablesAreResolved() {
        assertThat(LambdaFunctionUri.parse(PREFIX
                        + "arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.fn}/invocations",
                Map.of("fn", "orders:v2"))).isEqualTo(new LambdaFunctionUri.Function("orders", "v2"));
    }

    @Test
    void unsetStageVariableIsNamed() {
        assertThatThrownBy(() -> LambdaFunctionUri.parse(PREFIX + "${stageVariables.fn}/invocations", Map.of()))
                .hasMessage("stage variable 'fn' of uri " + PREFIX + "${stageVariables.fn}/invocations is not set");
    }

    @Test
    void otherUrisAreRefused() {
        assertThatThrownBy(() -> LambdaFunctionUri.parse("arn:aws:apigateway:us-east-1:s3:path/bucket/key",
                Map.of())).hasMessage("not a Lambda invocation uri: arn:aws:apigateway:us-east-1:s3:path/bucket/key");
    }
}
