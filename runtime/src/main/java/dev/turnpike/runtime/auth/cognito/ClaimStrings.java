package dev.turnpike.runtime.auth.cognito;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A token's claims the way a REST API's Cognito authorizer hands them on in {@code $context.authorizer.claims}:
 * every value a string. Strings stay as they are, numbers and booleans become their JSON text ({@code auth_time}
 * "1492467169", {@code email_verified} "true"), arrays become {@code [a b]} (elements space-separated in brackets,
 * as {@code cognito:groups} arrives), and the time claims {@code exp}, {@code iat} and {@code nbf} become dates
 * written {@code Mon Apr 17 23:12:49 UTC 2017} (while {@code auth_time} stays a number).
 */
final class ClaimStrings {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy",
            Locale.ENGLISH).withZone(ZoneId.of("UTC"));
    private static final Set<String> TIME_CLAIMS = Set.of("exp", "iat", "nbf");

    private ClaimStrings() {
    }

    /** {@code payload} is the token's JSON payload as written: arrays as lists, objects as maps. */
    static Map<String, String> of(Map<String, Object> payload) {
        Map<String, String> strings = new LinkedHashMap<>();
        payload.forEach((name, value) -> {
            if (value instanceof Number seconds && TIME_CLAIMS.contains(name)) {
                strings.put(name, DATE.format(Instant.ofEpochSecond(seconds.longValue())));
            } else if (value != null) {
                strings.put(name, string(value));
            }
        });
        return strings;
    }

    private static String string(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(ClaimStrings::string).collect(Collectors.joining(" ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + "=" + string(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return String.valueOf(value);
    }
}
