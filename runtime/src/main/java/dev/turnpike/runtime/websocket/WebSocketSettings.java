package dev.turnpike.runtime.websocket;

import dev.turnpike.runtime.config.ConfigException;
import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.throttle.ThrottleLimit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The WebSocket keys of the configuration, read and checked once at start.
 *
 * <ul>
 *   <li>{@code turnpike.websocket.idleTimeoutSeconds} (default 600, AWS's 10 minutes) and
 *       {@code turnpike.websocket.maxLifetimeSeconds} (default 7200, AWS's 2 hours);</li>
 *   <li>{@code turnpike.stage.<s>.routeSettings.<routeKey>.throttlingRateLimit|throttlingBurstLimit} and the stage's
 *       {@code defaultRouteSettings.throttlingRateLimit|throttlingBurstLimit}, as {@code AWS::ApiGatewayV2::Stage}
 *       names them. A route without either is throttled only by the account's limit.</li>
 * </ul>
 */
public record WebSocketSettings(Duration idleTimeout, Duration maxLifetime, Map<String, ThrottleLimit> routeLimits) {

    /** AWS's limit on one message: 128 KB. */
    public static final int MAX_MESSAGE_BYTES = 128 * 1024;

    private static final String STAGE = "turnpike.stage.";

    /** The settings of {@code config}, with the account limit for routes that set nothing. */
    public static WebSocketSettings read(TurnpikeConfig config, WebSocketApi api) {
        Map<String, String> values = config.values();
        List<String> problems = new ArrayList<>();
        Duration idle = seconds(values, "turnpike.websocket.idleTimeoutSeconds", 600, problems);
        Duration lifetime = seconds(values, "turnpike.websocket.maxLifetimeSeconds", 7200, problems);
        Map<String, ThrottleLimit> limits = new HashMap<>();
        for (String stage : config.stages().keySet()) {
            ThrottleLimit stageDefault = limit(values, STAGE + stage + ".defaultRouteSettings.", null, problems);
            for (String routeKey : api.routes().keySet()) {
                ThrottleLimit limit = limit(values, STAGE + stage + ".routeSettings." + routeKey + ".", stageDefault,
                        problems);
                if (limit != null) {
                    limits.put(key(stage, routeKey), limit);
                }
            }
        }
        for (String key : values.keySet()) {
            if (key.startsWith(STAGE) && key.contains(".routeSettings.")) {
                String rest = key.substring(key.indexOf(".routeSettings.") + ".routeSettings.".length());
                String routeKey = rest.substring(0, rest.lastIndexOf('.'));
                if (!api.routes().containsKey(routeKey)) {
                    problems.add(key + ": WebSocket API '" + api.name() + "' has no route " + routeKey);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new WebSocketSettings(idle, lifetime, Map.copyOf(limits));
    }

    /** The limit of {@code routeKey} on {@code stage}; {@code null} when only the account's applies. */
    public ThrottleLimit limitFor(String stage, String routeKey) {
        return routeLimits.get(key(stage, routeKey));
    }

    private static String key(String stage, String routeKey) {
        return stage + " " + routeKey;
    }

    private static Duration seconds(Map<String, String> values, String key, long fallback, List<String> problems) {
        String value = values.get(key);
        long seconds = value == null ? fallback : Long.parseLong(value.trim()); // the shape is checked by ConfigKeys
        if (seconds < 1) {
            problems.add(key + ": expected a whole number of seconds >= 1, got '" + value + "'");
            seconds = fallback;
        }
        return Duration.ofSeconds(seconds);
    }

    /** Rate and burst under {@code prefix}; a missing one takes {@code fallback}'s (or the account's) value. */
    private static ThrottleLimit limit(Map<String, String> values, String prefix, ThrottleLimit fallback,
            List<String> problems) {
        String rate = values.get(prefix + "throttlingRateLimit");
        String burst = values.get(prefix + "throttlingBurstLimit");
        if (rate == null && burst == null) {
            return fallback;
        }
        ThrottleLimit base = fallback != null ? fallback : ThrottleLimit.ACCOUNT_DEFAULT;
        double rateLimit = rate == null ? base.rateLimit() : Double.parseDouble(rate.trim());
        long burstLimit = burst == null ? base.burstLimit() : Long.parseLong(burst.trim());
        if (!(rateLimit >= 0) || Double.isInfinite(rateLimit) || burstLimit < 0) {
            problems.add(prefix + "throttling*: expected numbers >= 0, got rate '" + rate + "', burst '" + burst + "'");
            return fallback;
        }
        return new ThrottleLimit(rateLimit, burstLimit);
    }
}
