package dev.turnpike.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * CI's smoke run: every benchmark compiles and runs one short iteration in this JVM. Its figures mean nothing
 * (no fork, no warm-up, a shared machine); real ones come from {@code java -jar target/benchmarks.jar}.
 */
class BenchmarksSmokeTest {

    @Test
    void everyBenchmarkRunsOnce() throws Exception {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("dev\\.turnpike\\.benchmarks\\..*Benchmark")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200))
                .shouldFailOnError(true);
        boolean withRedis = System.getProperty(ThrottlingBenchmark.REDIS_URI_PROPERTY) != null;
        if (!withRedis) {
            options.exclude("ThrottlingBenchmark\\.onRedis");
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        // Route lookup at 10, 1,000 and 10,000 routes; the MOCK pipeline; SigV4 verification; two request
        // templates; three throttling decisions in memory, and one on Redis when a Redis is named; compiled against
        // interpreted templates: five measurements (interpreted, compiled, the shared floor, and both with the
        // context built) on five recorded templates.
        assertThat(results).hasSize((withRedis ? 14 : 13) + 5 * 5);
        assertThat(results).allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isPositive().isFinite());
    }
}
