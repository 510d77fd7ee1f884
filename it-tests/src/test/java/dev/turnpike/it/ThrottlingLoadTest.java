package dev.turnpike.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.pipeline.Gateway;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where 429s start under load: one node, buckets in memory, a method throttled by its stage's method settings,
 * driven over TLS on loopback harder than its rate for a few seconds. The admitted rate is printed for the record;
 * the bounds are generous because CI is a shared 2-core machine.
 */
class ThrottlingLoadTest {

    private static final int RATE = 50;
    private static final int BURST = 10;
    private static final int THREADS = 4;
    private static final Duration TIME_BOX = Duration.ofSeconds(3);
    /** Bounds the load however fast the machine: far more than 3 s of a 50/s method. */
    private static final int MAX_REQUESTS = 30_000;

    private static final String OK = "200 limited -";
    private static final String TOO_MANY_REQUESTS = "429 {\"message\":\"Too Many Requests\"} TooManyRequestsException";

    @TempDir
    static Path dir;

    private static FilterInJetty node;

    @BeforeAll
    static void start() throws Exception {
        node = FilterInJetty.serve(TestTls.create(dir), Gateway.create(new ThrottlingApi(), TurnpikeConfig.from(Map.of(
                "turnpike.stages", "dev",
                "turnpike.stage.dev.methodSettings./limited/GET.throttlingRateLimit", Integer.toString(RATE),
                "turnpike.stage.dev.methodSettings./limited/GET.throttlingBurstLimit", Integer.toString(BURST)))));
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void aMethodThrottledAt50PerSecondAdmitsAbout50PerSecond() throws Exception {
        HttpRequest limited = HttpRequest.newBuilder(node.root().resolve("/dev/limited")).build();
        ThrottlingLoad.Result load = ThrottlingLoad.run(THREADS, MAX_REQUESTS, TIME_BOX,
                i -> node.client().send(limited, HttpResponse.BodyHandlers.ofString()));

        long admitted = load.count(200);
        long refused = load.count(429);
        double seconds = load.seconds();
        ThrottlingLoad.Answer first429 = load.first(429);
        long admittedBeforeFirst429 = first429 == null ? admitted : load.answers().stream()
                .filter(a -> a.status() == 200 && a.answeredNanos() < first429.answeredNanos()).count();
        System.out.printf("throttled load: %.1f admitted/s against rateLimit %d (burstLimit %d; %.1f/s after the"
                        + " burst): %d admitted, %d refused with 429 of %d requests in %.2f s from %d threads (%.0f"
                        + " requests/s offered); first 429 answered at %d ms, after %d admitted%n",
                admitted / seconds, RATE, BURST, (admitted - BURST) / seconds, admitted, refused,
                load.answers().size(), seconds, THREADS, load.answers().size() / seconds,
                first429 == null ? -1 : first429.answeredNanos() / 1_000_000, admittedBeforeFirst429);

        assertThat(load.shapes()).containsOnlyKeys(OK, TOO_MANY_REQUESTS);
        assertThat(refused).as("the load must offer more than the rate").isPositive();
        double allowed = BURST + RATE * seconds;
        assertThat((double) admitted).isBetween(allowed * 0.5, allowed * 1.1);
    }
}
