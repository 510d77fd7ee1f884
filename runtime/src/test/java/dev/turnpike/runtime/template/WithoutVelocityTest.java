package dev.turnpike.runtime.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The objects behind the variables work without Velocity, as compiled templates (issue 7) will call them. */
class WithoutVelocityTest {

    @Test
    void theVariablesAreCallableDirectly() throws Exception {
        TemplateContext context = TemplateContext.builder()
                .body("{\"pets\": [{\"id\": 1}]}")
                .pathParameters(Map.of("petId", "1"))
                .queryParameters(Map.of("q", List.of("a")))
                .stageVariables(Map.of("v", "x"))
                .context(Map.of("stage", "dev"))
                .build();
        InputVariable input = InputVariable.of(context);
        assertThat(input.path("$.pets[0]")).hasToString("{id=1}");
        assertThat(input.json("$.pets")).isEqualTo("[{\"id\":1}]");
        assertThat(input.params("petId")).isEqualTo("1");
        assertThat(input.params("q")).isEqualTo("a");
        assertThat(UtilFunctions.INSTANCE.escapeJavaScript(input.json("$"))).isEqualTo("{\\\"pets\\\":[{\\\"id\\\":1}]}");
        assertThat(ContextVariables.context(context)).containsEntry("stage", "dev").containsKeys("requestOverride");
        assertThat(ContextVariables.stageVariables(context)).containsEntry("v", "x");
        assertThat(ContextVariables.method(context).get("request")).hasToString(
                "{path={petId=1}, querystring={q=a}, header={}, multivaluequerystring={q=[a]}, multivalueheader={}}");
    }
}
