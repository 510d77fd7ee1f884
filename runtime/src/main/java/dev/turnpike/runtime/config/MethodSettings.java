package dev.turnpike.runtime.config;

import java.util.Map;

/**
 * API Gateway's {@code MethodSetting} for one {@code resourcePath/METHOD} of a stage (or {@code * / *}); a
 * {@code null} field is not set here and falls back to the stage-wide entry, then to AWS's default.
 */
public record MethodSettings(
        Boolean metricsEnabled,
        String loggingLevel,
        Boolean dataTraceEnabled,
        Integer throttlingBurstLimit,
        Double throttlingRateLimit,
        Boolean cachingEnabled,
        Integer cacheTtlInSeconds,
        Boolean cacheDataEncrypted,
        Boolean requireAuthorizationForCacheControl,
        String unauthorizedCacheControlHeaderStrategy) {

    public static final MethodSettings NONE =
            new MethodSettings(null, null, null, null, null, null, null, null, null, null);

    /**
     * Sets one field in {@code settings}, as a {@code methodSettings} configuration key would: {@code target} is
     * {@code <resourcePath>/<METHOD>.<field>} with AWS's field name ({@code ~1pets/GET.throttlingRateLimit},
     * {@code * / *.cachingEnabled} without spaces). Returns why it cannot, or {@code null}.
     */
    public static String set(Map<String, MethodSettings> settings, String target, String value) {
        return MethodSettingsParser.add(settings, target, value);
    }

    /** This entry's fields where set, else {@code fallback}'s. */
    public MethodSettings orElse(MethodSettings fallback) {
        return new MethodSettings(
                pick(metricsEnabled, fallback.metricsEnabled),
                pick(loggingLevel, fallback.loggingLevel),
                pick(dataTraceEnabled, fallback.dataTraceEnabled),
                pick(throttlingBurstLimit, fallback.throttlingBurstLimit),
                pick(throttlingRateLimit, fallback.throttlingRateLimit),
                pick(cachingEnabled, fallback.cachingEnabled),
                pick(cacheTtlInSeconds, fallback.cacheTtlInSeconds),
                pick(cacheDataEncrypted, fallback.cacheDataEncrypted),
                pick(requireAuthorizationForCacheControl, fallback.requireAuthorizationForCacheControl),
                pick(unauthorizedCacheControlHeaderStrategy, fallback.unauthorizedCacheControlHeaderStrategy));
    }

    private static <T> T pick(T own, T fallback) {
        return own != null ? own : fallback;
    }
}
