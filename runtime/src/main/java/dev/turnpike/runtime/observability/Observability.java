package dev.turnpike.runtime.observability;

import dev.turnpike.runtime.config.ConfigException;
import dev.turnpike.runtime.config.StageSettings;
import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.http.Headers;
import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.pipeline.ExecutionLog;
import dev.turnpike.runtime.pipeline.Exchange;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * What a gateway tells about its requests: metrics (Micrometer, in API Gateway's names and dimensions), one access
 * log line per request in the stage's format, and execution logs as the stage's method settings ask. Configured
 * once at start; with nothing configured {@link #requestEnded} is one field read.
 */
public final class Observability implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Observability.class.getName());

    private final boolean active;
    private final GatewayMetrics metrics;
    private final Map<String, StageAccessLog> accessLogs;
    private final StageExecutionLogs executionLogs;
    private final MetricsEndpoint metricsEndpoint;
    private final List<AutoCloseable> owned;

    private Observability(GatewayMetrics metrics, Map<String, StageAccessLog> accessLogs,
            StageExecutionLogs executionLogs, MetricsEndpoint metricsEndpoint, List<AutoCloseable> owned) {
        this.metrics = metrics;
        this.accessLogs = accessLogs;
        this.executionLogs = executionLogs;
        this.metricsEndpoint = metricsEndpoint;
        this.owned = owned;
        this.active = metrics != null || !accessLogs.isEmpty() || executionLogs != null;
    }

    /**
     * Reads the metrics, access log and execution log settings of {@code config} for {@code api}; throws
     * {@link ConfigException} naming every bad key.
     *
     * @param apiId the API's id, which names the execution loggers
     * @param registry where metrics go besides the configured Prometheus and CloudWatch registries (an application's
     *     own); {@code null} for none
     */
    public static Observability create(GeneratedApi api, TurnpikeConfig config, String apiId, MeterRegistry registry) {
        List<String> problems = new ArrayList<>();
        ObservabilitySettings settings = ObservabilitySettings.read(config, problems);
        Map<String, StageAccessLog> accessLogs = new HashMap<>();
        settings.accessLogFormats().forEach((stage, format) -> {
            try {
                accessLogs.put(stage, new StageAccessLog(AccessLogFormat.parse(format),
                        LoggerFactory.getLogger(settings.accessLogDestinations().getOrDefault(stage,
                                StageAccessLog.DEFAULT_DESTINATION))));
            } catch (IllegalArgumentException e) {
                problems.add("turnpike.stage." + stage + ".accessLogSettings.format: " + e.getMessage());
            }
        });
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }

        List<AutoCloseable> owned = new ArrayList<>();
        CompositeMeterRegistry composite = new CompositeMeterRegistry();
        if (registry != null) {
            composite.add(registry);
        }
        MetricsEndpoint endpoint = null;
        if (settings.prometheusPath() != null) {
            MeterRegistry prometheus = PrometheusScrape.registry();
            composite.add(prometheus);
            owned.add(prometheus::close);
            endpoint = new MetricsEndpoint(settings.prometheusPath(), settings.prometheusToken(),
                    PrometheusScrape.scrape(prometheus));
        }
        if (settings.cloudWatchNamespace() != null) {
            MeterRegistry cloudWatch = CloudWatchPublishing.registry(settings.cloudWatchNamespace(),
                    settings.cloudWatchStep(), config.region(), settings.cloudWatchEndpoint());
            composite.add(cloudWatch);
            owned.add(cloudWatch::close);
        }
        GatewayMetrics metrics = composite.getRegistries().isEmpty() ? null
                : new GatewayMetrics(composite, api, config.stages().values());
        StageExecutionLogs executionLogs = StageExecutionLogs.create(apiId, api, config.stages().values(),
                Clock.systemUTC());
        return new Observability(metrics, Map.copyOf(accessLogs), executionLogs, endpoint, List.copyOf(owned));
    }

    /**
     * The execution log for a request whose stage and method are known (or known to be unmatched): a recording one
     * when its stage logs it, else {@link ExecutionLog#OFF}.
     */
    public ExecutionLog executionLog(Exchange exchange) {
        return executionLogs == null ? ExecutionLog.OFF : executionLogs.start(exchange);
    }

    /**
     * Counts, logs and writes the execution log of a request whose response was just handed to the container.
     * Never throws: a failing log backend must not fail the request.
     */
    public void requestEnded(Exchange exchange, int status, Headers responseHeaders) {
        if (!active || exchange.testInvoke()) {
            return;
        }
        try {
            RequestEnd end = new RequestEnd(exchange, status, contentLength(responseHeaders), System.nanoTime());
            if (metrics != null) {
                metrics.record(end);
            }
            StageSettings stage = exchange.stage();
            if (stage != null && !accessLogs.isEmpty()) {
                StageAccessLog accessLog = accessLogs.get(stage.name());
                if (accessLog != null) {
                    accessLog.write(end);
                }
            }
            if (executionLogs != null) {
                executionLogs.end(end);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "request " + exchange.requestId() + ": metrics or logs failed", e);
        }
    }

    private static long contentLength(Headers headers) {
        String length = headers.first("Content-Length");
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The Prometheus scrape endpoint; {@code null} when {@code turnpike.metrics.prometheus.path} is not set. */
    public MetricsEndpoint metricsEndpoint() {
        return metricsEndpoint;
    }

    /** Publishes what CloudWatch has not been sent yet and lets go of the registries this created. */
    @Override
    public void close() {
        for (AutoCloseable closeable : owned) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "closing a metrics registry failed", e);
            }
        }
    }

    @Override
    public String toString() {
        return "Observability[metrics=" + (metrics != null) + ", accessLogs=" + accessLogs.keySet()
                + ", executionLogs=" + (executionLogs != null) + ", endpoint=" + metricsEndpoint + "]";
    }
}
