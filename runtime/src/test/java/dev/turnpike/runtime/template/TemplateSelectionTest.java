package dev.turnpike.runtime.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateSelectionTest {

    final Map<String, String> templates = new LinkedHashMap<>(Map.of("text/plain", "t", "application/json", "j"));

    @Test
    void requestTemplateByContentTypeIgnoringParameters() {
        assertThat(TemplateSelection.forRequest(templates, "text/plain; charset=UTF-8")).isEqualTo("text/plain");
        assertThat(TemplateSelection.forRequest(templates, "application/xml")).isEqualTo("application/json");
        assertThat(TemplateSelection.forRequest(templates, null)).isEqualTo("application/json");
        assertThat(TemplateSelection.forRequest(Map.of(), "text/plain")).isNull();
        assertThat(TemplateSelection.forRequest(Map.of("application/xml", "x"), null)).isEqualTo("application/xml");
    }

    @Test
    void responseTemplateByAccept() {
        assertThat(TemplateSelection.forResponse(templates, "text/html, text/plain;q=0.9")).isEqualTo("text/plain");
        assertThat(TemplateSelection.forResponse(templates, "*/*")).isEqualTo("application/json");
    }
}
