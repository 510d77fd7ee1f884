package dev.turnpike.runtime.observability;

import dev.turnpike.runtime.config.TurnpikeConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics and access log keys.
 *
 * @param prometheusPath {@code turnpike.metrics.prometheus.path}; {@code null}: no scrape endpoint
 * @param prometheusToken {@code turnpike.metrics.prometheus.token}, required with the path
 * @param cloudWatchNamespace {@code turnpike.metrics.cloudwatch.namespace}; {@code null}: no publishing
 * @param cloudWatchStep {@code turnpike.metrics.cloudwatch.stepSeconds}, 60 by default like AWS's own metrics
 * @param cloudWatchEndpoint {@code turnpike.metrics.cloudwatch.endpoint}; {@code null}: the region's
 * @param accessLogFormats {@code turnpike.stage.<s>.accessLogSettings.format} by stage
 * @param accessLogDestinations {@code turnpike.stage.<s>.accessLogSettings.destination} by stage
 */
record ObservabilitySettings(String prometheusPath, String prometheusToken, String cloudWatchNamespace,
        Duration cloudWatchStep, String cloudWatchEndpoint, Map<String, String> accessLogFormats,
        Map<String, String> accessLogDestinations) {

    private static final String PREFIX = "turnpike.metrics.";

    /** The settings in {@code config}; adds to {@code problems} what is wrong, each naming its key. */
    static ObservabilitySettings read(TurnpikeConfig config, List<String> problems) {
        Map<String, String> values = config.values();
        String path = values.get(PREFIX + "prometheus.path");
        String token = values.get(PREFIX + "prometheus.token");
        if (path != null) {
            if (!path.startsWith("/") || path.length() < 2 || path.contains("?") || path.contains("#")) {
                problems.add(PREFIX + "prometheus.path: a path below the context path such as /_turnpike/metrics, "
                        + "got '" + path + "'");
            } else {
                String first = path.substring(1).split("/", 2)[0];
                if (config.stages().containsKey(first)) {
                    problems.add(PREFIX + "prometheus.path: '" + path + "' is inside stage '" + first + "'");
                }
            }
            if (token == null || token.isBlank()) {
                problems.add(PREFIX + "prometheus.token: the metrics endpoint is protected: set a bearer token");
            }
            String missing = missing(PrometheusScrape.PROBE, PrometheusScrape.ARTIFACT);
            if (missing != null) {
                problems.add(PREFIX + "prometheus.path: " + missing);
            }
        } else if (token != null) {
            problems.add(PREFIX + "prometheus.token: set without " + PREFIX + "prometheus.path");
        }

        String namespace = values.get(PREFIX + "cloudwatch.namespace");
        String step = values.get(PREFIX + "cloudwatch.stepSeconds");
        Duration cloudWatchStep = Duration.ofSeconds(step == null ? 60 : Long.parseLong(step)); // shape: ConfigKeys
        if (cloudWatchStep.getSeconds() < 1) {
            problems.add(PREFIX + "cloudwatch.stepSeconds: expected a whole number >= 1, got '" + step + "'");
        }
        if (namespace != null) {
            String missing = missing(CloudWatchPublishing.PROBE, CloudWatchPublishing.ARTIFACT);
            if (missing == null) {
                missing = missing(CloudWatchPublishing.NETTY_PROBE, CloudWatchPublishing.NETTY_ARTIFACT);
            }
            if (missing != null) {
                problems.add(PREFIX + "cloudwatch.namespace: " + missing);
            }
        }

        Map<String, String> formats = new LinkedHashMap<>();
        Map<String, String> destinations = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith("turnpike.stage.") && key.contains(".accessLogSettings.")) {
                String rest = key.substring("turnpike.stage.".length());
                String stage = rest.substring(0, rest.indexOf('.'));
                String field = rest.substring(rest.indexOf(".accessLogSettings.") + ".accessLogSettings.".length());
                (field.equals("format") ? formats : destinations).put(stage, value.trim());
            }
        });
        destinations.keySet().forEach(stage -> {
            if (!formats.containsKey(stage)) {
                problems.add("turnpike.stage." + stage + ".accessLogSettings.destination: set without "
                        + "turnpike.stage." + stage + ".accessLogSettings.format");
            }
        });
        return new ObservabilitySettings(path, token, namespace, cloudWatchStep,
                values.get(PREFIX + "cloudwatch.endpoint"), formats, destinations);
    }

    /** {@code null} when {@code probeClass} loads, else what to add to the application. */
    private static String missing(String probeClass, String artifact) {
        try {
            Class.forName(probeClass, false, ObservabilitySettings.class.getClassLoader());
            return null;
        } catch (ClassNotFoundException | LinkageError e) {
            return "needs " + artifact + " on the class path (an optional dependency of turnpike-runtime)";
        }
    }
}
