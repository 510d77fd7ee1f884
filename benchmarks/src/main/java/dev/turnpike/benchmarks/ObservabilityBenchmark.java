package dev.turnpike.benchmarks;

import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.http.ClientRequest;
import dev.turnpike.runtime.http.Headers;
import dev.turnpike.runtime.http.InMemoryRequest;
import dev.turnpike.runtime.pipeline.Gateway;
import dev.turnpike.runtime.routing.RouteNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What metrics and access logging add to a request: {@link MockPipelineBenchmark}'s MOCK request with nothing
 * configured ({@code off}); with the Prometheus registry, all three dimension sets and the method's detailed metrics
 * on ({@code metrics}); and with a CLF access log line as well, rendered and handed to a logging backend
 * ({@code metricsAndAccessLog}). The backend is java.util.logging through SLF4J's JDK binding with a handler that
 * drops the record, so the figure is Turnpike's work and the backend's record, not a disk's. That binding finds
 * the caller of every log call by walking the stack, which Logback and Log4j 2 do not by default: count it as
 * the backend's share.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ObservabilityBenchmark {

    @Param({"off", "metrics", "metricsAndAccessLog"})
    public String observability;

    private Gateway gateway;
    private ClientRequest request;
    private MockPipelineBenchmark.CountingResponse response;
    private Logger accessLogger;

    @Setup
    public void start() {
        RouteNode routes = RouteNode.resource("/")
                .literal("pets", RouteNode.resource("/pets")
                        .param("petId", RouteNode.resource("/pets/{petId}").method(MockPipelineBenchmark.PING)
                                .build()).build())
                .build();
        Map<String, String> config = new TreeMap<>(Map.of("turnpike.stages", "prod"));
        if (!observability.equals("off")) {
            config.put("turnpike.metrics.prometheus.path", "/_turnpike/metrics");
            config.put("turnpike.metrics.prometheus.token", "bench-token");
            config.put("turnpike.stage.prod.methodSettings./pets/{petId}/GET.metricsEnabled", "true");
        }
        if (observability.equals("metricsAndAccessLog")) {
            config.put("turnpike.stage.prod.accessLogSettings.format", "CLF");
            config.put("turnpike.stage.prod.accessLogSettings.destination", "bench.access");
            accessLogger = Logger.getLogger("bench.access"); // held: java.util.logging keeps loggers weakly
            accessLogger.setUseParentHandlers(false);
            accessLogger.setLevel(Level.INFO);
            accessLogger.addHandler(new Handler() {
                @Override
                public void publish(LogRecord record) {
                    record.getMessage();
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            });
        }
        gateway = Gateway.create(new MockPipelineBenchmark.OneRouteApi(routes), TurnpikeConfig.from(config));
        Headers headers = new Headers().add("Host", "api.example.com").add("Accept", "application/json")
                .add("User-Agent", "bench");
        request = new InMemoryRequest("GET", "/prod/pets/7", null, headers, new byte[0]);
        response = new MockPipelineBenchmark.CountingResponse();
    }

    @TearDown
    public void stop() {
        gateway.close();
    }

    @Benchmark
    public int mockRequest() {
        gateway.handle(request, response);
        return response.lastStatus;
    }
}
