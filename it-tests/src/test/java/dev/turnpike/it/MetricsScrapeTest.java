package dev.turnpike.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.pipeline.Gateway;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Metrics through the real filter in Jetty: a mix of answers (200, 403 for no route, 429 throttled, 5xx from a
 * backend that is down) counted exactly per AWS dimension set, read from the protected Prometheus endpoint.
 */
class MetricsScrapeTest {

    private static final String TOKEN = "scrape-token-0123456789";
    private static final String API = "ApiName=\"Observed Pets\"";

    @TempDir
    static Path dir;

    static FilterInJetty jetty;

    @BeforeAll
    static void start() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> config = new TreeMap<>();
        config.put("turnpike.apiId", "obs1234567");
        config.put("turnpike.stages", "prod,beta");
        config.put("turnpike.stage.prod.variables.backend", "127.0.0.1:" + closedPort);
        config.put("turnpike.stage.prod.methodSettings./limited/GET.throttlingRateLimit", "0.001");
        config.put("turnpike.stage.prod.methodSettings./limited/GET.throttlingBurstLimit", "2");
        config.put("turnpike.stage.prod.methodSettings./pets/{petId}/GET.metricsEnabled", "true");
        config.put("turnpike.stage.prod.methodSettings./limited/GET.metricsEnabled", "true");
        config.put("turnpike.metrics.prometheus.path", "/_turnpike/metrics");
        config.put("turnpike.metrics.prometheus.token", TOKEN);
        jetty = FilterInJetty.serve(TestTls.create(dir),
                Gateway.create(new ObservedApi(), TurnpikeConfig.from(config)));
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.close();
    }

    @Test
    void aMixOfAnswersIsCountedExactlyPerDimensionSet() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (String path : List.of("/prod/pets", "/prod/pets/1", "/prod/pets/2", "/prod/pets/3", "/prod/cats",
                "/prod/limited", "/prod/limited", "/prod/limited", "/prod/limited", "/prod/down", "/beta/pets",
                "/_turnpike/metrics/x")) {
            statuses.add(get(path, null).statusCode());
        }
        assertThat(statuses).containsExactly(200, 200, 200, 200, 403, 200, 200, 429, 429, 504, 200, 403);

        Map<String, String> scrape = samples(get("/_turnpike/metrics", "Bearer " + TOKEN).body());
        String all = "{" + API + ",Method=\"\",Resource=\"\",Stage=\"\"}";
        String prod = "{" + API + ",Method=\"\",Resource=\"\",Stage=\"prod\"}";
        String beta = "{" + API + ",Method=\"\",Resource=\"\",Stage=\"beta\"}";
        String pet = "{" + API + ",Method=\"GET\",Resource=\"/pets/{petId}\",Stage=\"prod\"}";
        String limited = "{" + API + ",Method=\"GET\",Resource=\"/limited\",Stage=\"prod\"}";

        // Below the endpoint's path is the API's, where no stage is named _turnpike: counted for the API alone.
        assertCounts(scrape, all, 12, 4, 1);
        assertCounts(scrape, prod, 10, 3, 1);
        assertCounts(scrape, beta, 1, 0, 0);
        assertCounts(scrape, pet, 3, 0, 0);
        assertCounts(scrape, limited, 4, 2, 0);
        assertThat(scrape.get("ApiGateway_Latency_seconds_count" + prod)).isEqualTo("10");
        // The integration ran for the 200s and the backend that was down, not for the refused requests.
        assertThat(scrape.get("ApiGateway_IntegrationLatency_seconds_count" + prod)).isEqualTo("7");
        assertThat(scrape.get("ApiGateway_IntegrationLatency_seconds_count" + limited)).isEqualTo("2");
        // Methods without metricsEnabled have no series of their own.
        assertThat(scrape.keySet()).noneMatch(series -> series.contains("Resource=\"/pets\"")
                || series.contains("Resource=\"/down\"") || series.contains("Stage=\"beta\",Method=\"GET\""));
    }

    @Test
    void theEndpointWantsItsBearerToken() throws Exception {
        HttpResponse<String> none = get("/_turnpike/metrics", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"turnpike-metrics\"");
        assertThat(none.body()).doesNotContain("ApiGateway_");
        HttpResponse<String> wrong = get("/_turnpike/metrics", "Bearer not-" + TOKEN);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).doesNotContain("ApiGateway_");
        HttpResponse<String> ok = get("/_turnpike/metrics", "Bearer " + TOKEN);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(ok.body()).contains("# TYPE ApiGateway_Count_total counter");
    }

    private static void assertCounts(Map<String, String> scrape, String series, int count, int clientErrors,
            int serverErrors) {
        assertThat(scrape.get("ApiGateway_Count_total" + series)).as("Count " + series).isEqualTo(count + ".0");
        assertThat(scrape.get("ApiGateway_4XXError_count" + series)).as("4XXError samples " + series)
                .isEqualTo(Integer.toString(count));
        assertThat(scrape.get("ApiGateway_4XXError_sum" + series)).as("4XXError " + series)
                .isEqualTo(clientErrors + ".0");
        assertThat(scrape.get("ApiGateway_5XXError_sum" + series)).as("5XXError " + series)
                .isEqualTo(serverErrors + ".0");
    }

    /** The scrape's samples, series (name and labels) to value. */
    private static Map<String, String> samples(String scrape) {
        Map<String, String> samples = new TreeMap<>();
        Matcher m = Pattern.compile("(?m)^([A-Za-z_][A-Za-z0-9_]*\\{(?:[^\"}]|\"[^\"]*\")*}) (\\S+)$").matcher(scrape);
        while (m.find()) {
            samples.put(m.group(1), m.group(2));
        }
        return samples;
    }

    private static HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(jetty.root().resolve(path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return jetty.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
