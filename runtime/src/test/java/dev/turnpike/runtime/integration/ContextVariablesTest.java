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
    void theRequestTimeIsFormattedAsAwsDoesWhateverSecondCameBefore() {
        assertThat(ContextVariables.requestTime(1_589_522_469_693L)).isEqualTo("15/May/2020:06:01:09 +0000");
        assertThat(ContextVariables.requestTime(1_589_522_469_999L)).isEqualTo("15/May/2020:06:01:09 +0000");
        assertThat(ContextVariables.requestTime(1_589_522_470_000L)).isEqualTo("15/May/2020:06:01:10 +0000");
        assertThat(ContextVariables.requestTime(1_589_522_469_000L)).isEqualTo("15/May/2020:06:01:09 +0000");
    }

    @Test
    void aResourceIdIsStablePerPath() {
        assertThat(ContextVariables.resourceId("/pets/{petId}")).hasSize(6).matches("[a-z0-9]{6}")
                .isEqualTo(ContextVariables.resourceId("/pets/{petId}"))
                .isNotEqualTo(ContextVariables.resourceId("/pets"));
    }
}
