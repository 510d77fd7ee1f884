package dev.turnpike.runtime.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateSelectionTest {

    final Map<String, String> templates = new LinkedHashMap<>(Map.of("text/plain", "t", "application/json", "j"));

    /** SEMANTICS.md §2.16: only the first media type of Accept is honoured. */
    @Test
    void responseTemplateByTheFirstMediaTypeOfAccept() {
        assertThat(TemplateSelection.forResponse(templates, "text/plain;q=0.9, text/html")).isEqualTo("text/plain");
        assertThat(TemplateSelection.forResponse(templates, "text/html, text/plain;q=0.9")).isEqualTo("application/json");
        assertThat(TemplateSelection.forResponse(templates, "*/*")).isEqualTo("application/json");
    }
}
