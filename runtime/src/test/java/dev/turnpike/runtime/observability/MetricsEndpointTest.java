package dev.turnpike.runtime.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.runtime.pipeline.Gateway;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Prometheus scrape endpoint: protected by a bearer token, AWS's dimension sets as labels. */
class MetricsEndpointTest {

    private static final Map<String, String> CONFIG = Map.of("turnpike.stages", "prod",
            "turnpike.metrics.prometheus.path", "/_turnpike/metrics",
            "turnpike.metrics.prometheus.token", "s3cret-scrape-token",
            "turnpike.stage.prod.methodSettings./pets/GET.metricsEnabled", "true");

    @Test
    void aScrapeNeedsTheBearerToken() {
        try (Gateway gateway = ObservedApi.gateway(CONFIG, null)) {
            MetricsEndpoint endpoint = gateway.observability().metricsEndpoint();
            assertThat(endpoint.path()).isEqualTo("/_turnpike/metrics");
            MetricsEndpoint.Answer none = endpoint.answer(null);
            assertThat(none.status()).isEqualTo(401);
            assertThat(none.headers()).containsEntry("WWW-Authenticate", "Bearer realm=\"turnpike-metrics\"");
            assertThat(endpoint.answer("Basic czNjcmV0").status()).isEqualTo(401);
            assertThat(endpoint.answer("Bearer s3cret-scrape-tokeN").status()).isEqualTo(403);
            MetricsEndpoint.Answer ok = endpoint.answer("bearer s3cret-scrape-token");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.headers()).containsEntry("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
        }
    }

    @Test
    void eachDimensionSetIsItsOwnSeriesWithTheDimensionsItLacksEmpty() throws Exception {
        try (Gateway gateway = ObservedApi.gateway(CONFIG, null)) {
            ObservedApi.send(gateway, "/prod/pets");
            ObservedApi.send(gateway, "/prod/pets");
            ObservedApi.send(gateway, "/prod/broken");
            ObservedApi.send(gateway, "/prod/cats");
            String scrape = new String(gateway.observability().metricsEndpoint().answer("Bearer s3cret-scrape-token")
                    .body(), StandardCharsets.UTF_8);
            assertThat(scrape).contains(
                    "ApiGateway_Count_total{ApiName=\"Observed Pets\",Method=\"\",Resource=\"\",Stage=\"\"} 4.0",
                    "ApiGateway_Count_total{ApiName=\"Observed Pets\",Method=\"\",Resource=\"\",Stage=\"prod\"} 4.0",
                    "ApiGateway_Count_total{ApiName=\"Observed Pets\",Method=\"GET\",Resource=\"/pets\",Stage=\"prod\"} 2.0",
                    "ApiGateway_4XXError_sum{ApiName=\"Observed Pets\",Method=\"\",Resource=\"\",Stage=\"prod\"} 1.0",
                    "ApiGateway_4XXError_count{ApiName=\"Observed Pets\",Method=\"\",Resource=\"\",Stage=\"prod\"} 4",
                    "ApiGateway_5XXError_sum{ApiName=\"Observed Pets\",Method=\"\",Resource=\"\",Stage=\"prod\"} 1.0",
                    "ApiGateway_Latency_seconds_count{ApiName=\"Observed Pets\",Method=\"GET\",Resource=\"/pets\",Stage=\"prod\"} 2",
                    "ApiGateway_IntegrationLatency_seconds_count{ApiName=\"Observed Pets\",Method=\"\",Resource=\"\","
                            + "Stage=\"prod\"} 3");
        }
    }
}
