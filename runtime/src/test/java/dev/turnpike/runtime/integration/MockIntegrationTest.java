package dev.turnpike.runtime.integration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MockIntegrationTest {

    @Test
    void statusCodeFromTheRenderedRequestTemplate() {
        assertThat(MockIntegration.statusCode("{\"statusCode\": 200}")).isEqualTo("200");
        assertThat(MockIntegration.statusCode("{ \"statusCode\" : 404, \"x\": 1 }")).isEqualTo("404");
        assertThat(MockIntegration.statusCode("{\"x\": 1, \"statusCode\": 404}")).isEqualTo("404");
        assertThat(MockIntegration.statusCode("{\"statusCode\": \"503\"}")).isEqualTo("503");
        assertThat(MockIntegration.statusCode("\n    \n    {\n      \"statusCode\": 200\n    }\n")).isEqualTo("200");
        assertThat(MockIntegration.statusCode("{statusCode: 200}")).isEqualTo("200");
        assertThat(MockIntegration.statusCode("{\"statusCode\": 2.5}")).isNull();
        assertThat(MockIntegration.statusCode("{}")).isNull();
        assertThat(MockIntegration.statusCode("[200]")).isNull();
    }
}
