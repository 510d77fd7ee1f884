package dev.turnpike.runtime.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The Prometheus registry, loaded only when {@code turnpike.metrics.prometheus.path} is set (its artifact is an
 * optional dependency).
 *
 * <p>Prometheus wants every series of a name to have the same labels, where CloudWatch keeps AWS's three dimension
 * sets apart. Here the dimensions a set lacks are empty labels, which Prometheus treats as absent:
 * {@code ApiGateway_Count_total{Stage=""}} is the {@code ApiName} set, {@code {Stage="prod",Resource=""}} the
 * {@code ApiName, Stage} set.
 */
final class PrometheusScrape {

    private static final List<String> DIMENSIONS = List.of(GatewayMetrics.API_NAME, GatewayMetrics.STAGE,
            GatewayMetrics.METHOD, GatewayMetrics.RESOURCE);

    /**
     * Prometheus names cannot start with a digit ({@code 4XXError}), so every name is prefixed as CloudWatch's are
     * namespaced: {@code ApiGateway_4XXError}, {@code ApiGateway_Count_total}.
     */
    static final String PREFIX = "ApiGateway.";

    static final String ARTIFACT = "io.micrometer:micrometer-registry-prometheus";
    static final String PROBE = "io.micrometer.prometheusmetrics.PrometheusMeterRegistry";

    private PrometheusScrape() {
    }

    /** The registry, typed as its interface so that callers' classes never name the optional one. */
    static MeterRegistry registry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                List<Tag> missing = new ArrayList<>(3);
                for (String dimension : DIMENSIONS) {
                    if (id.getTag(dimension) == null) {
                        missing.add(Tag.of(dimension, ""));
                    }
                }
                Meter.Id named = id.withName(PREFIX + id.getName());
                return missing.isEmpty() ? named : named.withTags(missing);
            }
        });
        return registry;
    }

    /** What {@code registry} (one of {@link #registry()}'s) shows a scrape now. */
    static Supplier<String> scrape(MeterRegistry registry) {
        PrometheusMeterRegistry prometheus = (PrometheusMeterRegistry) registry;
        return prometheus::scrape;
    }
}
