package dev.turnpike.runtime.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestTemplateChoiceTest {

    private static final Map<String, String> JSON_ONLY = Map.of("application/json", "{}");

    @Test
    void theTemplateOfTheContentTypeAndApplicationJsonWithoutOne() {
        assertThat(RequestTemplateChoice.of(JSON_ONLY, "Application/JSON; charset=utf-8", "NEVER").contentType())
                .isEqualTo("application/json");
        assertThat(RequestTemplateChoice.of(JSON_ONLY, null, "NEVER").contentType()).isEqualTo("application/json");
    }

    @Test
    void passthroughBehaviorDecidesWhenNoTemplateMatches() {
        assertThat(RequestTemplateChoice.of(JSON_ONLY, "text/plain", null)).isEqualTo(RequestTemplateChoice.PASSTHROUGH);
        assertThat(RequestTemplateChoice.of(JSON_ONLY, "text/plain", "WHEN_NO_MATCH"))
                .isEqualTo(RequestTemplateChoice.PASSTHROUGH);
        assertThat(RequestTemplateChoice.of(JSON_ONLY, "text/plain", "WHEN_NO_TEMPLATES").unsupported()).isTrue();
        assertThat(RequestTemplateChoice.of(Map.of(), "text/plain", "WHEN_NO_TEMPLATES"))
                .isEqualTo(RequestTemplateChoice.PASSTHROUGH);
        assertThat(RequestTemplateChoice.of(JSON_ONLY, "text/plain", "NEVER").unsupported()).isTrue();
        assertThat(RequestTemplateChoice.of(Map.of(), "text/plain", "NEVER").unsupported()).isTrue();
    }
}
