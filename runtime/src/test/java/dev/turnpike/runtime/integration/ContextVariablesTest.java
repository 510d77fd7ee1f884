package dev.turnpike.runtime.integration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContextVariablesTest {

    @Test
    void theDomainNameIsTheHostWithoutItsPort() {
        assertThat(ContextVariables.withoutPort("abc.execute-api.us-east-1.amazonaws.com")).isEqualTo(
                "abc.execute-api.us-east-1.amazonaws.com");
        assertThat(ContextVariables.withoutPort("localhost:8443")).isEqualTo("localhost");
        assertThat(ContextVariables.withoutPort("[::1]:8443")).isEqualTo("[::1]");
        assertThat(ContextVariables.withoutPort("[::1]")).isEqualTo("[::1]");
        assertThat(ContextVariables.withoutPort("host:")).isEqualTo("host:");
        assertThat(ContextVariables.withoutPort("host:80x")).isEqualTo("host:80x");
    }

    @Test
    void aResourceIdIsStablePerPath() {
        assertThat(ContextVariables.resourceId("/pets/{petId}")).hasSize(6).matches("[a-z0-9]{6}")
                .isEqualTo(ContextVariables.resourceId("/pets/{petId}"))
                .isNotEqualTo(ContextVariables.resourceId("/pets"));
    }
}
