package dev.turnpike.runtime.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.turnpike.runtime.config.ConfigException;
import dev.turnpike.runtime.http.Headers;
import dev.turnpike.runtime.pipeline.Gateway;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** API Gateway's metrics in AWS's three dimension sets, counted exactly, in an application's own registry. */
class MetricsTest {

    private static final Map<String, String> DETAILED_PETS = Map.of("turnpike.stages", "dev,prod",
            "turnpike.stage.prod.methodSettings./pets/{petId}/GET.metricsEnabled", "true",
            "turnpike.stage.prod.methodSettings./broken/GET.metricsEnabled", "true",
            "turnpike.apiKeys.k1.value", "a-secret-api-key-0123456789");

    @Test
    void aMixOfRequestsIsCountedPerDimensionSet() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Gateway gateway = ObservedApi.gateway(DETAILED_PETS, registry)) {
            assertThat(ObservedApi.send(gateway, "/prod/pets/1")).isEqualTo(200);
            assertThat(ObservedApi.send(gateway, "/prod/pets/2")).isEqualTo(200);
            assertThat(ObservedApi.send(gateway, "/prod/pets")).isEqualTo(200);
            assertThat(ObservedApi.send(gateway, "/prod/broken")).isEqualTo(500);
            assertThat(ObservedApi.send(gateway, "/prod/keyed")).isEqualTo(403); // no API key
            assertThat(ObservedApi.send(gateway, "/prod/cats")).isEqualTo(403); // no route
            assertThat(ObservedApi.send(gateway, "/dev/pets/3")).isEqualTo(200);
            assertThat(ObservedApi.send(gateway, "/nostage/pets")).isEqualTo(403); // no stage

            Map<String, String> api = Map.of("ApiName", "Observed Pets");
            assertCounts(registry, api, 8, 3, 1);
            assertCounts(registry, with(api, "Stage", "prod"), 6, 2, 1);
            assertCounts(registry, with(api, "Stage", "dev"), 1, 0, 0);
            Map<String, String> pet = with(with(with(api, "Stage", "prod"), "Method", "GET"), "Resource",
                    "/pets/{petId}");
            assertCounts(registry, pet, 2, 0, 0);
            assertCounts(registry, with(with(with(api, "Stage", "prod"), "Method", "GET"), "Resource", "/broken"),
                    1, 0, 1);

            // Only the methods with metricsEnabled have their own series, and only on that stage.
            Set<String> methodSeries = registry.getMeters().stream()
                    .filter(m -> m.getId().getTag("Resource") != null)
                    .map(m -> m.getId().getTag("Stage") + " " + m.getId().getTag("Resource"))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(methodSeries).containsExactly("prod /broken", "prod /pets/{petId}");

            // Latency for every request; IntegrationLatency only where an integration ran.
            assertThat(timer(registry, with(api, "Stage", "prod"), "Latency").count()).isEqualTo(6);
            assertThat(timer(registry, with(api, "Stage", "prod"), "IntegrationLatency").count()).isEqualTo(4);
            assertThat(timer(registry, pet, "Latency").totalTime(TimeUnit.NANOSECONDS))
                    .isGreaterThanOrEqualTo(timer(registry, pet, "IntegrationLatency").totalTime(TimeUnit.NANOSECONDS));
            // No stage cache here: looked up never, so neither hit nor miss.
            assertThat(counter(registry, api, "CacheHitCount").count()).isZero();
            assertThat(counter(registry, api, "CacheMissCount").count()).isZero();
        }
    }

    @Test
    void everyMeterHasAwsNamesAndExactlyOneOfAwsDimensionSets() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Gateway gateway = ObservedApi.gateway(DETAILED_PETS, registry)) {
            Set<String> names = new TreeSet<>();
            Set<List<String>> dimensionSets = new java.util.HashSet<>();
            for (Meter meter : registry.getMeters()) {
                names.add(meter.getId().getName());
                dimensionSets.add(meter.getId().getTags().stream().map(Tag::getKey).sorted().toList());
            }
            assertThat(names).containsExactlyInAnyOrder("Count", "4XXError", "5XXError", "CacheHitCount",
                    "CacheMissCount", "Latency", "IntegrationLatency");
            assertThat(dimensionSets).containsExactlyInAnyOrder(List.of("ApiName"), List.of("ApiName", "Stage"),
                    List.of("ApiName", "Method", "Resource", "Stage"));
        }
    }

    @Test
    void testInvokesAreNotCounted() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Gateway gateway = ObservedApi.gateway(Map.of(), registry)) {
            dev.turnpike.runtime.pipeline.TestInvoke.run(gateway, "GET", "/dev/pets", new Headers(), new byte[0],
                    false, java.time.Clock.systemUTC()).get(10, TimeUnit.SECONDS);
            assertThat(counter(registry, Map.of("ApiName", "Observed Pets"), "Count").count()).isZero();
        }
    }

    @Test
    void withoutARegistryNoMetersAreMade() {
        Observability none = Observability.create(new ObservedApi(),
                dev.turnpike.runtime.config.TurnpikeConfig.from(Map.of()), "abc1234567", null);
        assertThat(none.toString()).isEqualTo(
                "Observability[metrics=false, accessLogs=[], executionLogs=false, endpoint=null]");
    }

    @Test
    void apiNameLeavesOutNonAsciiCharactersAsAwsDoes() {
        ObservedApi api = new ObservedApi() {
            @Override
            public String title() {
                return "Pëts — API";
            }
        };
        assertThat(GatewayMetrics.apiName(api)).isEqualTo("Pts  API");
    }

    @Test
    void aProtectedEndpointNeedsItsToken() {
        assertThatThrownBy(() -> ObservedApi.gateway(Map.of("turnpike.metrics.prometheus.path", "/_turnpike/metrics"),
                null)).isInstanceOf(ConfigException.class).hasMessage("invalid Turnpike configuration:\n"
                        + "  turnpike.metrics.prometheus.token: the metrics endpoint is protected: set a bearer token");
        assertThatThrownBy(() -> ObservedApi.gateway(Map.of("turnpike.metrics.prometheus.path", "/dev/metrics",
                "turnpike.metrics.prometheus.token", "t"), null)).isInstanceOf(ConfigException.class).hasMessage("invalid Turnpike configuration:\n"
                        + "  turnpike.metrics.prometheus.path: '/dev/metrics' is inside stage 'dev'");
    }

    private static void assertCounts(SimpleMeterRegistry registry, Map<String, String> dimensions, long count,
            long clientErrors, long serverErrors) {
        assertThat(counter(registry, dimensions, "Count").count()).as("Count " + dimensions).isEqualTo(count);
        DistributionSummary fourXx = summary(registry, dimensions, "4XXError");
        DistributionSummary fiveXx = summary(registry, dimensions, "5XXError");
        assertThat(fourXx.count()).as("4XXError samples " + dimensions).isEqualTo(count);
        assertThat(fourXx.totalAmount()).as("4XXError " + dimensions).isEqualTo(clientErrors);
        assertThat(fiveXx.count()).as("5XXError samples " + dimensions).isEqualTo(count);
        assertThat(fiveXx.totalAmount()).as("5XXError " + dimensions).isEqualTo(serverErrors);
    }

    private static Map<String, String> with(Map<String, String> dimensions, String key, String value) {
        Map<String, String> more = new java.util.HashMap<>(dimensions);
        more.put(key, value);
        return more;
    }

    private static Meter exactly(SimpleMeterRegistry registry, Map<String, String> dimensions, String name) {
        List<Meter> found = registry.getMeters().stream()
                .filter(m -> m.getId().getName().equals(name))
                .filter(m -> m.getId().getTags().size() == dimensions.size()
                        && dimensions.entrySet().stream().allMatch(d -> d.getValue().equals(m.getId().getTag(d.getKey()))))
                .toList();
        assertThat(found).as(name + " " + dimensions).hasSize(1);
        return found.get(0);
    }

    private static Counter counter(SimpleMeterRegistry registry, Map<String, String> dimensions, String name) {
        return (Counter) exactly(registry, dimensions, name);
    }

    private static DistributionSummary summary(SimpleMeterRegistry registry, Map<String, String> dimensions,
            String name) {
        return (DistributionSummary) exactly(registry, dimensions, name);
    }

    private static Timer timer(SimpleMeterRegistry registry, Map<String, String> dimensions, String name) {
        return (Timer) exactly(registry, dimensions, name);
    }
}
