package dev.turnpike.runtime.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.pipeline.Exchange;
import dev.turnpike.runtime.pipeline.ExchangeFixture;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntegrationUriTest {

    final Exchange exchange = ExchangeFixture.matched(TurnpikeConfig.from(Map.of(
            "turnpike.stage.dev.variables.host", "backend.local:8080", "turnpike.region", "cn-north-1")), "/dev/x");

    URI resolve(String template, Map<String, String> path, String[] problem) {
        return IntegrationUri.resolve(template, exchange, path, problem);
    }

    @Test
    void stageVariablesAwsVariablesAndPathValues() {
        String[] problem = new String[1];
        assertThat(resolve("http://${stageVariables.host}/${AWS::Region}/${AWS::Partition}/${AWS::AccountId}/{id}",
                Map.of("id", "a%2Fb"), problem))
                .hasToString("http://backend.local:8080/cn-north-1/aws-cn/123456789012/a%2Fb");
    }

    @Test
    void problemsAreNamed() {
        String[] problem = new String[1];
        assertThat(resolve("http://${stageVariables.nope}/", Map.of(), problem)).isNull();
        assertThat(problem[0]).isEqualTo("stage variable 'nope' is not set on stage 'dev'");
        assertThat(resolve("http://h/{id}", Map.of(), problem)).isNull();
        assertThat(problem[0]).isEqualTo("no value for {id} in the integration uri");
        assertThat(resolve("ftp://h/x", Map.of(), problem)).isNull();
        assertThat(problem[0]).isEqualTo("invalid endpoint address: ftp://h/x");
        assertThat(resolve("http://h/a b", Map.of(), problem)).isNull();
        assertThat(problem[0]).startsWith("invalid endpoint address: Illegal character in path");
    }
}
