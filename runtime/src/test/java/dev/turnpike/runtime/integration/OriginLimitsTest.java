package dev.turnpike.runtime.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.turnpike.runtime.config.ConfigException;
import dev.turnpike.runtime.config.TurnpikeConfig;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class OriginLimitsTest {

    private static final URI A = URI.create("http://127.0.0.1:8080/a");
    private static final URI A_OTHER_PATH = URI.create("HTTP://127.0.0.1:8080/b?x=1");
    private static final URI B = URI.create("http://127.0.0.1:8081/a");
    private static final Duration LONG = Duration.ofSeconds(30);

    @Test
    void beyondTheBoundARequestWaitsForOneInFlightToFinish() throws Exception {
        OriginLimits limits = new OriginLimits(2);
        OriginLimits.Permit first = limits.acquire(A, LONG).get();
        limits.acquire(A_OTHER_PATH, LONG).get();
        CompletableFuture<OriginLimits.Permit> third = limits.acquire(A, LONG);

        assertThat(third).isNotDone();
        assertThat(limits.inFlight(A)).isEqualTo(2);
        first.release();
        assertThat(third).isDone();
        assertThat(limits.inFlight(A)).isEqualTo(2);
    }

    @Test
    void eachOriginHasItsOwnBound() throws Exception {
        OriginLimits limits = new OriginLimits(1);
        limits.acquire(A, LONG).get();

        assertThat(limits.acquire(B, LONG)).isDone();
        assertThat(limits.acquire(URI.create("https://127.0.0.1/a"), LONG)).isDone();
        assertThat(limits.acquire(URI.create("https://127.0.0.1:443/b"), LONG)).isNotDone();
    }

    @Test
    void aWaitThatRunsOutIsSaturatedAndGivesUpItsPlaceInLine() throws Exception {
        OriginLimits limits = new OriginLimits(1);
        OriginLimits.Permit busy = limits.acquire(A, LONG).get();
        CompletableFuture<OriginLimits.Permit> gaveUp = limits.acquire(A, Duration.ofMillis(20));
        CompletableFuture<OriginLimits.Permit> patient = limits.acquire(A, LONG);

        assertThatThrownBy(gaveUp::get).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(OriginLimits.Saturated.class)
                .hasMessage("all 1 requests allowed in flight to http://127.0.0.1:8080"
                        + " (turnpike.backend.maxConnectionsPerOrigin) were still running after 20 ms");
        busy.release();
        assertThat(patient).isDone();
        patient.get().release();
        assertThat(limits.inFlight(A)).isZero();
    }

    @Test
    void anOriginWithNothingInFlightIsForgottenAndStartsAfresh() throws Exception {
        OriginLimits limits = new OriginLimits(3);
        List<OriginLimits.Permit> permits = new ArrayList<>();
        for (int round = 0; round < 100; round++) {
            for (int i = 0; i < 3; i++) {
                permits.add(limits.acquire(URI.create("http://host" + round + ":80/"), LONG).get());
            }
            permits.forEach(OriginLimits.Permit::release);
            permits.clear();
        }
        for (int round = 0; round < 100; round++) {
            assertThat(limits.inFlight(URI.create("http://host" + round + ":80/"))).isZero();
        }
        for (int i = 0; i < 3; i++) {
            assertThat(limits.acquire(A, LONG)).isDone();
        }
        assertThat(limits.acquire(A, LONG)).isNotDone();
    }

    @Test
    void theBoundIsConfiguredAndChecked() {
        assertThat(OriginLimits.from(TurnpikeConfig.from(Map.of())).maxPerOrigin()).isEqualTo(64);
        assertThat(OriginLimits.from(TurnpikeConfig.from(Map.of("turnpike.backend.maxConnectionsPerOrigin", "8")))
                .maxPerOrigin()).isEqualTo(8);
        assertThatThrownBy(() -> OriginLimits.from(TurnpikeConfig.from(
                Map.of("turnpike.backend.maxConnectionsPerOrigin", "0"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("turnpike.backend.maxConnectionsPerOrigin: expected a whole number >= 1, got '0'");
        assertThatThrownBy(() -> TurnpikeConfig.from(Map.of("turnpike.backend.maxConnectionsPerOrigin", "many"))
                .values()).isInstanceOf(ConfigException.class)
                .hasMessageContaining("turnpike.backend.maxConnectionsPerOrigin");
    }
}
