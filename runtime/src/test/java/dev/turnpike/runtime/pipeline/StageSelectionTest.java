package dev.turnpike.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.runtime.config.TurnpikeConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StageSelectionTest {

    private static Exchange select(Map<String, String> keys) {
        TurnpikeConfig config = TurnpikeConfig.from(keys);
        Exchange exchange = new Exchange(ExchangeFixture.request("GET", "/dev/pets"), null, "id", "x", 0L, 0L);
        assertThat(new StageSelection(config.stages()).select(exchange)).isNull();
        return exchange;
    }

    @Test
    void aStageWithoutCanarySettingsHasNoCanaryFlag() {
        Exchange exchange = select(Map.of("turnpike.stage.dev.variables.v", "base"));
        assertThat(exchange.canaryRequest()).isNull();
        assertThat(exchange.stage().variables()).isEqualTo(Map.of("v", "base"));
        assertThat(exchange.pathBelowStage()).isEqualTo("/pets");
    }

    /** Recorded on AWS (cases.json, the two canary cases): the flag, and the overrides only on canary requests. */
    @Test
    void canaryRequestsSeeTheOverridesAndTheFlag() {
        Map<String, String> base = Map.of("turnpike.stage.dev.variables.v", "base",
                "turnpike.stage.dev.canarySettings.stageVariableOverrides.v", "canary",
                "turnpike.stage.dev.canarySettings.percentTraffic", "0");
        for (int i = 0; i < 50; i++) {
            Exchange never = select(base);
            assertThat(never.canaryRequest()).isFalse();
            assertThat(never.stage().variables()).isEqualTo(Map.of("v", "base"));
        }
        Map<String, String> all = new java.util.HashMap<>(base);
        all.put("turnpike.stage.dev.canarySettings.percentTraffic", "100");
        for (int i = 0; i < 50; i++) {
            Exchange always = select(all);
            assertThat(always.canaryRequest()).isTrue();
            assertThat(always.stage().variables()).isEqualTo(Map.of("v", "canary"));
        }
    }
}
