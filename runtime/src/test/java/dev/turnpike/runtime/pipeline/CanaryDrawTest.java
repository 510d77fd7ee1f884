package dev.turnpike.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.runtime.admin.StageRegistry;
import dev.turnpike.runtime.config.TurnpikeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With {@code turnpike.canary.seed}, which requests go to the canary is the same on every run. */
class CanaryDrawTest {

    private static List<Integer> canaryRequests(long seed, double percent, int requests) {
        CanaryDraw draw = CanaryDraw.seeded(seed);
        List<Integer> canary = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            if (draw.toCanary(percent)) {
                canary.add(i);
            }
        }
        return canary;
    }

    @Test
    void theSameSeedDrawsTheSameRequests() {
        assertThat(canaryRequests(42, 30, 1000)).isEqualTo(canaryRequests(42, 30, 1000));
        assertThat(canaryRequests(42, 30, 1000)).isNotEqualTo(canaryRequests(43, 30, 1000));
    }

    @Test
    void theShareIsAboutPercentTrafficAndTheEndsAreExact() {
        int share = canaryRequests(42, 30, 10_000).size();
        System.out.println("seed 42, 30 percent: " + share + " of 10000 requests to the canary");
        assertThat(share).isBetween(2_800, 3_200);
        assertThat(canaryRequests(42, 0, 1000)).isEmpty();
        assertThat(canaryRequests(42, 100, 1000)).hasSize(1000);
    }

    @Test
    void stageSelectionUsesTheConfiguredSeed() {
        Map<String, String> keys = Map.of("turnpike.canary.seed", "7",
                "turnpike.stage.dev.canarySettings.percentTraffic", "50");
        TurnpikeConfig config = TurnpikeConfig.from(keys);
        List<Boolean> first = draws(config);
        assertThat(first).isEqualTo(draws(config)).contains(true, false);
    }

    private static List<Boolean> draws(TurnpikeConfig config) {
        StageSelection selection = new StageSelection(StageRegistry.inMemory(config.stages(), "d1"),
                CanaryDraw.fromConfig(config.values()));
        List<Boolean> canary = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Exchange exchange = new Exchange(ExchangeFixture.request("GET", "/dev/pets"), null, "id", "x", 0L, 0L);
            assertThat(selection.select(exchange)).isNull();
            canary.add(exchange.canaryRequest());
        }
        return canary;
    }
}
