package dev.turnpike.runtime.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.model.IntegrationResponse;
import dev.turnpike.runtime.model.IntegrationType;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.routing.RouteNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreparedTemplatesTest {

    private static GeneratedApi api(Operation operation) {
        return new GeneratedApi() {
            @Override
            public String name() {
                return "t";
            }

            @Override
            public String title() {
                return "t";
            }

            @Override
            public String deploymentId() {
                return "d";
            }

            @Override
            public String source() {
                return "t.yaml";
            }

            @Override
            public RouteNode routes() {
                return RouteNode.resource("/").method(operation).build();
            }

            @Override
            public List<Operation> operations() {
                return List.of(operation);
            }
        };
    }

    private static Operation mock(String requestTemplate, String responseTemplate) {
        return Operation.on("GET", "/").integration(Integration.of(IntegrationType.MOCK)
                .requestTemplate("application/json", requestTemplate)
                .response(IntegrationResponse.selecting("default", "200")
                        .responseTemplate("application/json", responseTemplate).build())
                .build()).build();
    }

    @Test
    void everyTemplateIsParsedOnceWhenTheGatewayIsBuilt() {
        Operation operation = mock("{\"statusCode\": 200}", "{\"id\": \"$context.requestId\"}");
        PreparedTemplates templates = new PreparedTemplates(api(operation));
        Template first = templates.get(operation.integration().requestTemplates(), "application/json", "x");
        assertThat(templates.get(operation.integration().requestTemplates(), "application/json", "x"))
                .isSameAs(first);
        assertThat(first.source()).isEqualTo("{\"statusCode\": 200}");
    }

    @Test
    void aTemplateThatDoesNotParseStopsTheStart() {
        assertThatThrownBy(() -> new PreparedTemplates(api(mock("{\"statusCode\": 200}", "#if($x) no end"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("a mapping template the build should have refused: GET / -> MOCK response"
                        + " 200 template for application/json line ");
    }

    @Test
    void onlyTemplatesThatMentionInputReadTheBody() {
        Operation plain = mock("{\"statusCode\": 200}", "{}");
        Operation reading = mock("{\"statusCode\": 200}", "$input.json('$')");
        assertThat(new PreparedTemplates(api(plain)).readInput(plain.integration())).isFalse();
        assertThat(new PreparedTemplates(api(reading)).readInput(reading.integration())).isTrue();
    }
}
