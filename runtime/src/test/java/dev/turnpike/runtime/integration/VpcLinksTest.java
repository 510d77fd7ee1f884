package dev.turnpike.runtime.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.pipeline.Exchange;
import dev.turnpike.runtime.pipeline.ExchangeFixture;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VpcLinksTest {

    private static final TurnpikeConfig CONFIG = TurnpikeConfig.from(Map.of(
            "turnpike.stages", "dev",
            "turnpike.stage.dev.variables.link", "abc123",
            "turnpike.vpcLinks.abc123.targets", "10.0.0.1:8080, 10.0.0.2:8080,10.0.0.3:8080"));

    @Test
    void connectionIdLiteralOrFromAStageVariable() {
        VpcLinks links = new VpcLinks(CONFIG);
        Exchange exchange = ExchangeFixture.matched(CONFIG, "/dev/x");
        assertThat(links.resolve("abc123", exchange).id()).isEqualTo("abc123");
        assertThat(links.resolve("${stageVariables.link}", exchange).id()).isEqualTo("abc123");
        assertThat(links.resolve("${stageVariables.nothing}", exchange)).isNull();
        assertThat(links.resolve("other", exchange)).isNull();
    }

    @Test
    void targetsTakeTurnsAndTheOthersFollowForFailover() {
        VpcLinks.Link link = new VpcLinks(CONFIG).resolve("abc123", ExchangeFixture.matched(CONFIG, "/dev/x"));
        assertThat(link.turn()).containsExactly("10.0.0.1:8080", "10.0.0.2:8080", "10.0.0.3:8080");
        assertThat(link.turn()).containsExactly("10.0.0.2:8080", "10.0.0.3:8080", "10.0.0.1:8080");
        assertThat(link.turn()).containsExactly("10.0.0.3:8080", "10.0.0.1:8080", "10.0.0.2:8080");
        assertThat(link.turn()).containsExactly("10.0.0.1:8080", "10.0.0.2:8080", "10.0.0.3:8080");
    }

    @Test
    void theRequestGoesToTheTargetWithTheUrisHostInHost() {
        URI uri = URI.create("http://nlb.internal:8000/pets/7?a=1");
        assertThat(VpcLinks.toTarget(uri, "10.0.0.1:8080")).hasToString("http://10.0.0.1:8080/pets/7?a=1");
        assertThat(VpcLinks.hostHeader(uri)).isEqualTo("nlb.internal:8000");
        assertThat(VpcLinks.hostHeader(URI.create("https://nlb.internal/x"))).isEqualTo("nlb.internal");
    }
}
