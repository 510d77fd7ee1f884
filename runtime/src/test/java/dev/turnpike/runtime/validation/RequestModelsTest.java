package dev.turnpike.runtime.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestModelsTest {

    @Test
    void apiGatewayModelUrlsResolveToTheOtherModelsAlsoInsideOneOf() {
        RequestModels models = new RequestModels(Map.of(
                "Pet", "{\"type\": \"object\", \"required\": [\"owner\"], \"properties\": {\"owner\": {\"oneOf\": ["
                        + "{\"$ref\": \"https://apigateway.amazonaws.com/restapis/abc123/models/Owner\"},"
                        + " {\"type\": \"null\"}]}}}",
                "Owner", "{\"type\": \"object\", \"required\": [\"name\"], \"properties\": {\"name\": {\"type\": \"string\"}}}"));
        assertThat(models.problems("Pet", "{\"owner\": {\"name\": \"Ann\"}}")).isEmpty();
        assertThat(models.problems("Pet", "{\"owner\": null}")).isEmpty();
        assertThat(models.problems("Pet", "{\"owner\": {}}")).isNotEmpty();
        assertThat(models.problems("Pet", "{}")).containsExactly("required property 'owner' not found");
    }

    @Test
    void aModelThatIsNotJsonFailsAtStartNamingIt() {
        assertThatThrownBy(() -> new RequestModels(Map.of("Broken", "{type")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("model Broken: not JSON: ");
    }
}
