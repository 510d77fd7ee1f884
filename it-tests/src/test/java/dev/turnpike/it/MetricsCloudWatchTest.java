package dev.turnpike.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.pipeline.Gateway;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonToken;
import software.amazon.awssdk.thirdparty.jackson.dataformat.cbor.CBORFactory;

/**
 * CloudWatch publishing with the real AWS SDK client (Micrometer's CloudWatch registry on CloudWatchAsyncClient)
 * against a loopback server that speaks CloudWatch's protocol (Smithy RPC v2 CBOR): the configured namespace, AWS's
 * metric names and dimension sets, and the exact counts of the requests served.
 */
class MetricsCloudWatchTest {

    @TempDir
    Path dir;

    @Test
    void closingTheGatewayPublishesEveryDimensionSetToTheNamespace() throws Exception {
        List<Map<String, Object>> calls = new CopyOnWriteArrayList<>();
        List<String> targets = new CopyOnWriteArrayList<>();
        HttpServer cloudWatch = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        cloudWatch.createContext("/", exchange -> {
            targets.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization").startsWith("AWS4-HMAC-SHA256"));
            calls.add(decode(exchange.getRequestBody().readAllBytes()));
            byte[] emptyMap = {(byte) 0xA0};
            exchange.getResponseHeaders().add("smithy-protocol", "rpc-v2-cbor");
            exchange.getResponseHeaders().add("Content-Type", "application/cbor");
            exchange.sendResponseHeaders(200, emptyMap.length);
            exchange.getResponseBody().write(emptyMap);
            exchange.close();
        });
        cloudWatch.start();
        String previousKey = System.setProperty("aws.accessKeyId", "AKIDCLOUDWATCHTEST");
        String previousSecret = System.setProperty("aws.secretAccessKey", "cloudwatch-test-secret");
        try {
            Map<String, String> config = new TreeMap<>();
            config.put("turnpike.apiId", "obs1234567");
            config.put("turnpike.stages", "prod");
            config.put("turnpike.stage.prod.methodSettings./pets/GET.metricsEnabled", "true");
            config.put("turnpike.metrics.cloudwatch.namespace", "Turnpike/ApiGateway");
            config.put("turnpike.metrics.cloudwatch.endpoint", "http://127.0.0.1:" + cloudWatch.getAddress().getPort());
            FilterInJetty jetty = FilterInJetty.serve(TestTls.create(dir),
                    Gateway.create(new ObservedApi(), TurnpikeConfig.from(config)));
            try {
                for (String path : List.of("/prod/pets", "/prod/pets", "/prod/pets/1", "/prod/cats")) {
                    jetty.client().send(HttpRequest.newBuilder(jetty.root().resolve(path)).build(),
                            HttpResponse.BodyHandlers.discarding());
                }
            } finally {
                jetty.close(); // the filter closes the gateway, which publishes what the minute has so far
            }
        } finally {
            restore("aws.accessKeyId", previousKey);
            restore("aws.secretAccessKey", previousSecret);
            cloudWatch.stop(0);
        }

        assertThat(targets).isNotEmpty().allMatch(target -> target.equals(
                "POST /service/GraniteServiceVersion20100801/operation/PutMetricData true"));
        assertThat(calls).allMatch(call -> "Turnpike/ApiGateway".equals(call.get("Namespace")));
        Map<String, Double> sums = new TreeMap<>();
        for (Map<String, Object> call : calls) {
            for (Object datum : (List<?>) call.get("MetricData")) {
                Map<?, ?> metric = (Map<?, ?>) datum;
                StringBuilder series = new StringBuilder((String) metric.get("MetricName"));
                for (Object dimension : (List<?>) metric.get("Dimensions")) {
                    Map<?, ?> d = (Map<?, ?>) dimension;
                    series.append(' ').append(d.get("Name")).append('=').append(d.get("Value"));
                }
                sums.merge(series.toString(), ((Number) metric.get("Value")).doubleValue(), Double::sum);
            }
        }
        assertThat(sums).containsEntry("Count ApiName=Observed Pets", 4.0)
                .containsEntry("Count ApiName=Observed Pets Stage=prod", 4.0)
                .containsEntry("Count ApiName=Observed Pets Method=GET Resource=/pets Stage=prod", 2.0)
                .containsEntry("4XXError.sum ApiName=Observed Pets Stage=prod", 1.0)
                .containsEntry("4XXError.count ApiName=Observed Pets Stage=prod", 4.0)
                .containsEntry("5XXError.sum ApiName=Observed Pets Stage=prod", 0.0)
                .containsEntry("Latency.count ApiName=Observed Pets Stage=prod", 4.0)
                .containsEntry("IntegrationLatency.count ApiName=Observed Pets Method=GET Resource=/pets Stage=prod",
                        2.0);
        assertThat(sums.keySet()).noneMatch(series -> series.contains("Resource=/pets/{petId}"));
    }

    private static void restore(String property, String previous) {
        if (previous == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, previous);
        }
    }

    /** A CBOR request body as maps, lists, strings and numbers. */
    private static Map<String, Object> decode(byte[] cbor) throws IOException {
        try (JsonParser parser = new CBORFactory().createParser(cbor)) {
            parser.nextToken();
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) value(parser);
            return map;
        }
    }

    private static Object value(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, Object> map = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                map.put(name, value(parser));
            }
            return map;
        }
        if (token == JsonToken.START_ARRAY) {
            List<Object> list = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                list.add(value(parser));
            }
            return list;
        }
        if (token.isNumeric()) {
            return parser.getNumberValue();
        }
        return token == JsonToken.VALUE_NULL ? null : parser.getText();
    }
}
