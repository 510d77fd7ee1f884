package dev.turnpike.runtime.config;

import java.util.Map;
import java.util.Set;

/**
 * Reads {@code <resourcePath>/<METHOD>.<field>=<value>} into {@link MethodSettings}, with AWS's field names.
 * The resource path may be written {@code /pets/{id}}, {@code pets/{id}} or, as AWS's own stage settings show
 * it, {@code ~1pets~1{id}}; {@code * / *} (without spaces) means every method.
 */
final class MethodSettingsParser {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS",
            "ANY", "*");

    private MethodSettingsParser() {
    }

    /** Adds one field to {@code settings}; returns why it cannot, or {@code null}. */
    static String add(Map<String, MethodSettings> settings, String target, String value) {
        int dot = target.lastIndexOf('.');
        if (dot < 0) {
            return "expected <resourcePath>/<METHOD>.<setting>";
        }
        String field = target.substring(dot + 1);
        String selector = target.substring(0, dot);
        int slash = selector.lastIndexOf('/');
        if (slash < 0) {
            return "expected <resourcePath>/<METHOD> before ." + field + ", e.g. /pets/GET or */*";
        }
        String method = selector.substring(slash + 1);
        String path = selector.substring(0, slash).replace("~1", "/");
        if (!METHODS.contains(method)) {
            return "unknown HTTP method '" + method + "'";
        }
        String key;
        if (path.equals("*") || method.equals("*")) {
            if (!(path.equals("*") && method.equals("*"))) {
                return "'*' stands for every method only as */*";
            }
            key = StageSettings.ALL_METHODS;
        } else {
            key = (path.startsWith("/") ? path : "/" + path) + "/" + method;
        }
        MethodSettings current = settings.getOrDefault(key, MethodSettings.NONE);
        MethodSettings one;
        try {
            one = field(field, value);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        settings.put(key, one.orElse(current));
        return null;
    }

    private static MethodSettings field(String field, String v) {
        MethodSettings n = MethodSettings.NONE;
        switch (field) {
            case "metricsEnabled":
                return new MethodSettings(bool(v), null, null, null, null, null, null, null, null, null);
            case "loggingLevel":
                return new MethodSettings(null, oneOf(v, "OFF", "ERROR", "INFO"), null, null, null, null, null, null,
                        null, null);
            case "dataTraceEnabled":
                return new MethodSettings(null, null, bool(v), null, null, null, null, null, null, null);
            case "throttlingBurstLimit":
                return new MethodSettings(null, null, null, nonNegativeInt(v), null, null, null, null, null, null);
            case "throttlingRateLimit":
                return new MethodSettings(null, null, null, null, nonNegativeDouble(v), null, null, null, null, null);
            case "cachingEnabled":
                return new MethodSettings(null, null, null, null, null, bool(v), null, null, null, null);
            case "cacheTtlInSeconds": {
                int ttl = nonNegativeInt(v);
                if (ttl > 3600) {
                    throw new IllegalArgumentException("cacheTtlInSeconds is at most 3600, got " + ttl);
                }
                return new MethodSettings(null, null, null, null, null, null, ttl, null, null, null);
            }
            case "cacheDataEncrypted":
                return new MethodSettings(null, null, null, null, null, null, null, bool(v), null, null);
            case "requireAuthorizationForCacheControl":
                return new MethodSettings(null, null, null, null, null, null, null, null, bool(v), null);
            case "unauthorizedCacheControlHeaderStrategy":
                return new MethodSettings(null, null, null, null, null, null, null, null, null,
                        oneOf(v, "FAIL_WITH_403", "SUCCEED_WITH_RESPONSE_HEADER", "SUCCEED_WITHOUT_RESPONSE_HEADER"));
            default:
                throw new IllegalArgumentException("unknown method setting '" + field
                        + "' (AWS MethodSetting fields: metricsEnabled, loggingLevel, dataTraceEnabled, "
                        + "throttlingBurstLimit, throttlingRateLimit, cachingEnabled, cacheTtlInSeconds, "
                        + "cacheDataEncrypted, requireAuthorizationForCacheControl, "
                        + "unauthorizedCacheControlHeaderStrategy)");
        }
    }

    private static Boolean bool(String v) {
        if (v.equals("true") || v.equals("false")) {
            return Boolean.valueOf(v);
        }
        throw new IllegalArgumentException("expected true or false, got '" + v + "'");
    }

    private static String oneOf(String v, String... allowed) {
        for (String a : allowed) {
            if (a.equals(v)) {
                return v;
            }
        }
        throw new IllegalArgumentException("expected one of " + String.join(", ", allowed) + ", got '" + v + "'");
    }

    private static int nonNegativeInt(String v) {
        try {
            int n = Integer.parseInt(v);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("expected a whole number >= 0, got '" + v + "'");
    }

    private static double nonNegativeDouble(String v) {
        try {
            double d = Double.parseDouble(v);
            if (d >= 0 && !Double.isInfinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("expected a number >= 0, got '" + v + "'");
    }
}
