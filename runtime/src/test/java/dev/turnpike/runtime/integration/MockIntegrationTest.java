package dev.turnpike.runtime.integration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MockIntegrationTest {

    @Test
    void statusCodeFromTheRequestTemplate() {
        assertThat(MockIntegration.statusCode("{\"statusCode\": 200}")).isEqualTo("200");
        assertThat(MockIntegration.statusCode("{ \"statusCode\" : 404, \"x\": 1 }")).isEqualTo("404");
        assertThat(MockIntegration.statusCode("{\"statusCode\": \"503\"}")).isEqualTo("503");
        assertThat(MockIntegration.statusCode("{\"statusCode\": 2.5}")).isNull();
        assertThat(MockIntegration.statusCode("{}")).isNull();
        assertThat(MockIntegration.statusCode("#if($x) {\"statusCode\": 200} #end")).isNull();
        assertThat(MockIntegration.statusCode("[200]")).isNull();
    }
}
