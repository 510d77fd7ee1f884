package dev.turnpike.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.turnpike.runtime.config.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void keysAreFoundByValueWithAStableIdAndTheirState() {
        ApiKeys keys = ApiKeys.fromConfig(Map.of(
                "turnpike.apiKeys.alice.value", "alice-key-0123456789abcdef",
                "turnpike.apiKeys.bob.value", "bob-key-0123456789abcdefgh",
                "turnpike.apiKeys.bob.enabled", "false",
                "turnpike.stages", "dev"));
        ApiKeys.ApiKey alice = keys.byValue("alice-key-0123456789abcdef");
        assertThat(alice.name()).isEqualTo("alice");
        assertThat(alice.enabled()).isTrue();
        assertThat(alice.id()).matches("[a-z0-9]{10}")
                .isEqualTo(ApiKeys.fromConfig(Map.of("turnpike.apiKeys.alice.value", "another-value-0123456789"))
                        .byName("alice").id());
        assertThat(keys.byValue("bob-key-0123456789abcdefgh").enabled()).isFalse();
        assertThat(keys.byValue("nobody")).isNull();
        assertThat(keys.byValue(null)).isNull();
        assertThat(alice.toString()).doesNotContain("alice-key");
    }

    @Test
    void badKeysFailStartWithEveryProblemNamed() {
        assertThatThrownBy(() -> ApiKeys.fromConfig(Map.of(
                "turnpike.apiKeys.short.value", "abc",
                "turnpike.apiKeys.a.value", "same-value-0123456789abc",
                "turnpike.apiKeys.b.value", "same-value-0123456789abc",
                "turnpike.apiKeys.ghost.enabled", "true")))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).containsExactly(
                        "turnpike.apiKeys.b.value: the same value as turnpike.apiKeys.a.value; API key values are"
                                + " unique",
                        "turnpike.apiKeys.ghost.enabled: API key 'ghost' has no value (set"
                                + " turnpike.apiKeys.ghost.value)",
                        "turnpike.apiKeys.short.value: an API key value is 20 to 128 characters, as in API Gateway;"
                                + " this one has 3"));
    }
}
