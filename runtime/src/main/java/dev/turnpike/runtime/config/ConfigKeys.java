package dev.turnpike.runtime.config;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The documented {@code turnpike.*} keys and the shape of their values. Keys of features that read their own
 * settings (Lambda, IAM, API keys, usage plans, Redis, VPC links) are recognised here so that a typo anywhere
 * fails start.
 */
final class ConfigKeys {

    private static final Set<String> PLAIN = Set.of("turnpike.stages", "turnpike.region", "turnpike.accountId",
            "turnpike.apiId", "turnpike.api", "turnpike.trustForwardedProto", "turnpike.autoRegister",
            "turnpike.redis.uri", "turnpike.backend.keyStore", "turnpike.deployments");

    private enum Shape { TEXT, BOOLEAN, NUMBER, INTEGER }

    private record KeyPattern(Pattern pattern, Shape shape) {
    }

    private static final List<KeyPattern> PATTERNS = List.of(
            new KeyPattern(Pattern.compile("turnpike\\.stage\\.[^.]+\\.variables\\.[^.]+"), Shape.TEXT),
            new KeyPattern(Pattern.compile("turnpike\\.stage\\.[^.]+\\.methodSettings\\..+"), Shape.TEXT),
            // The stage cache (dev.turnpike.runtime.cache checks the size is one of AWS's).
            new KeyPattern(Pattern.compile("turnpike\\.stage\\.[^.]+\\.cacheClusterEnabled"), Shape.BOOLEAN),
            new KeyPattern(Pattern.compile("turnpike\\.stage\\.[^.]+\\.cacheClusterSize"), Shape.NUMBER),
            new KeyPattern(Pattern.compile("turnpike\\.stage\\.[^.]+\\.canarySettings\\.percentTraffic"), Shape.NUMBER),
            // The deployment a stage serves (dev.turnpike.runtime.admin.StageRegistry); default: the API's own.
            new KeyPattern(Pattern.compile("turnpike\\.stage\\.[^.]+\\.deploymentId"), Shape.TEXT),
            new KeyPattern(Pattern.compile("turnpike\\.stage\\.[^.]+\\.canarySettings\\.useStageCache"), Shape.BOOLEAN),
            new KeyPattern(Pattern.compile("turnpike\\.stage\\.[^.]+\\.canarySettings\\.deploymentId"), Shape.TEXT),
            new KeyPattern(Pattern.compile("turnpike\\.stage\\.[^.]+\\.canarySettings\\.stageVariableOverrides\\.[^.]+"),
                    Shape.TEXT),
            new KeyPattern(Pattern.compile("turnpike\\.lambda\\.[^.]+"), Shape.TEXT),
            new KeyPattern(Pattern.compile("turnpike\\.lambda\\.[^.]+\\.concurrency"), Shape.INTEGER),
            new KeyPattern(Pattern.compile("turnpike\\.aws\\.[^.]+\\.endpoint"), Shape.TEXT),
            new KeyPattern(Pattern.compile("turnpike\\.iam\\.[^.]+\\.(secretKey|accountId|arn|sessionToken|userId|policy)"),
                    Shape.TEXT),
            new KeyPattern(Pattern.compile("turnpike\\.vpcEndpoints\\.[^.]+\\.(sourceCidrs|vpcId)"), Shape.TEXT),
            new KeyPattern(Pattern.compile("turnpike\\.cognito\\.[^.]+\\.jwksUrl"), Shape.TEXT),
            new KeyPattern(Pattern.compile("turnpike\\.apiKeys\\.[^.]+\\.value"), Shape.TEXT),
            new KeyPattern(Pattern.compile("turnpike\\.apiKeys\\.[^.]+\\.enabled"), Shape.BOOLEAN),
            new KeyPattern(Pattern.compile("turnpike\\.usagePlans\\.[^.]+\\.throttle\\.(rateLimit)"), Shape.NUMBER),
            new KeyPattern(Pattern.compile("turnpike\\.usagePlans\\.[^.]+\\.(throttle\\.burstLimit|quota\\.limit"
                    + "|quota\\.offset)"), Shape.INTEGER),
            new KeyPattern(Pattern.compile("turnpike\\.usagePlans\\.[^.]+\\.(quota\\.period|apiStages|apiKeys)"),
                    Shape.TEXT),
            new KeyPattern(Pattern.compile("turnpike\\.usagePlans\\.[^.]+\\.throttle\\..+/[^/.]+\\.rateLimit"),
                    Shape.NUMBER),
            new KeyPattern(Pattern.compile("turnpike\\.usagePlans\\.[^.]+\\.throttle\\..+/[^/.]+\\.burstLimit"),
                    Shape.INTEGER),
            new KeyPattern(Pattern.compile("turnpike\\.throttle\\.account\\.rateLimit"), Shape.NUMBER),
            new KeyPattern(Pattern.compile("turnpike\\.(throttle\\.account\\.burstLimit|redis\\.timeoutMillis)"),
                    Shape.INTEGER),
            new KeyPattern(Pattern.compile("turnpike\\.redis\\.failMode"), Shape.TEXT),
            // Canary draws as a fixed sequence, for tests (dev.turnpike.runtime.pipeline.CanaryDraw).
            new KeyPattern(Pattern.compile("turnpike\\.canary\\.seed"), Shape.INTEGER),
            // The management API (turnpike-management) and where its changes are kept (dev.turnpike.runtime.admin).
            new KeyPattern(Pattern.compile("turnpike\\.management\\.enabled"), Shape.BOOLEAN),
            new KeyPattern(Pattern.compile("turnpike\\.management\\.(path|store)"), Shape.TEXT),
            new KeyPattern(Pattern.compile("turnpike\\.management\\.credentials\\.[^.]+\\.secretKey"), Shape.TEXT),
            // May be empty: a PKCS12 file without a password.
            new KeyPattern(Pattern.compile("turnpike\\.backend\\.keyStorePassword"), Shape.TEXT),
            // Read by dev.turnpike.runtime.integration.OriginLimits, which checks it is at least 1.
            new KeyPattern(Pattern.compile("turnpike\\.backend\\.maxConnectionsPerOrigin"), Shape.INTEGER),
            new KeyPattern(Pattern.compile("turnpike\\.vpcLinks\\.[^.]+\\.targets"), Shape.TEXT),
            // Metrics and access logs: dev.turnpike.runtime.observability.ObservabilitySettings reads them.
            new KeyPattern(Pattern.compile("turnpike\\.metrics\\.prometheus\\.(path|token)"), Shape.TEXT),
            new KeyPattern(Pattern.compile("turnpike\\.metrics\\.cloudwatch\\.(namespace|endpoint)"), Shape.TEXT),
            new KeyPattern(Pattern.compile("turnpike\\.metrics\\.cloudwatch\\.stepSeconds"), Shape.INTEGER),
            new KeyPattern(Pattern.compile("turnpike\\.stage\\.[^.]+\\.accessLogSettings\\.(format|destination)"),
                    Shape.TEXT),
            // WebSocket APIs: dev.turnpike.runtime.websocket.WebSocketSettings reads them.
            new KeyPattern(Pattern.compile("turnpike\\.stage\\.[^.]+\\.(routeSettings\\.[^.]+|defaultRouteSettings)"
                    + "\\.throttlingRateLimit"), Shape.NUMBER),
            new KeyPattern(Pattern.compile("turnpike\\.stage\\.[^.]+\\.(routeSettings\\.[^.]+|defaultRouteSettings)"
                    + "\\.throttlingBurstLimit"), Shape.INTEGER),
            new KeyPattern(Pattern.compile("turnpike\\.websocket\\.(idleTimeoutSeconds|maxLifetimeSeconds)"),
                    Shape.INTEGER));

    private ConfigKeys() {
    }

    /** The camel-case words of the documented keys by their lower case: {@code failmode} to {@code failMode}. */
    static final java.util.Map<String, String> CAMEL_CASE_WORDS = camelCaseWords();

    private static java.util.Map<String, String> camelCaseWords() {
        java.util.Map<String, String> words = new java.util.HashMap<>();
        Pattern word = Pattern.compile("[a-z]+(?:[A-Z][a-z0-9]*)+");
        StringBuilder all = new StringBuilder(String.join(" ", PLAIN));
        PATTERNS.forEach(p -> all.append(' ').append(p.pattern().pattern()));
        java.util.regex.Matcher m = word.matcher(all);
        while (m.find()) {
            words.put(m.group().toLowerCase(java.util.Locale.ROOT), m.group());
        }
        return java.util.Map.copyOf(words);
    }

    /** Why {@code key = value} is not acceptable, or {@code null} if it is. */
    static String check(String key, String value) {
        if (PLAIN.contains(key)) {
            if (key.equals("turnpike.trustForwardedProto") || key.equals("turnpike.autoRegister")) {
                return checkShape(Shape.BOOLEAN, value);
            }
            return value.isEmpty() && !key.equals("turnpike.stages") ? "empty value" : null;
        }
        for (KeyPattern p : PATTERNS) {
            if (p.pattern().matcher(key).matches()) {
                return checkShape(p.shape(), value);
            }
        }
        return "unknown configuration key (see docs/configuration.md)";
    }

    private static String checkShape(Shape shape, String value) {
        switch (shape) {
            case BOOLEAN:
                return value.equals("true") || value.equals("false") ? null : "expected true or false, got '"
                        + value + "'";
            case INTEGER:
                try {
                    Long.parseLong(value);
                    return null;
                } catch (NumberFormatException e) {
                    return "expected a whole number, got '" + value + "'";
                }
            case NUMBER:
                try {
                    Double.parseDouble(value);
                    return null;
                } catch (NumberFormatException e) {
                    return "expected a number, got '" + value + "'";
                }
            default:
                return null;
        }
    }
}
