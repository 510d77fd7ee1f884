package dev.turnpike.runtime.pipeline;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One request's execution log in API Gateway's words and format ({@code Wed Nov 25 15:40:00 UTC 2026 : Method
 * request path: {petId=1}}), as AWS's test invoke prints it (recorded in
 * ../shared/conformance/lambda-events/rest-v1.aws-integration.test-invoke-method.json). Steps add lines only when
 * the log is on; {@link #OFF} costs a field read.
 */
public final class ExecutionLog {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** No log: what every request served by a container has. */
    public static final ExecutionLog OFF = new ExecutionLog(null, false);

    private final Clock clock;
    private final boolean dryRun;
    private final List<String> lines = new ArrayList<>();

    private ExecutionLog(Clock clock, boolean dryRun) {
        this.clock = clock;
        this.dryRun = dryRun;
    }

    /** A log that records; with {@code dryRun} the request stops before its integration is called. */
    public static ExecutionLog recording(Clock clock, boolean dryRun) {
        return new ExecutionLog(clock, dryRun);
    }

    public boolean enabled() {
        return clock != null;
    }

    public boolean dryRun() {
        return dryRun;
    }

    /** Adds a line, its text built only when the log is on. */
    public void add(Supplier<String> text) {
        if (clock != null) {
            synchronized (lines) {
                lines.add(TIME.format(clock.instant()) + " : " + text.get());
            }
        }
    }

    public void add(String text) {
        add(() -> text);
    }

    /** The lines so far. */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /**
     * A map as AWS's log prints one: {@code {a=1, b=2}}, with the values of credentials ({@code Authorization},
     * {@code x-api-key}, {@code X-Amz-Security-Token}) masked.
     */
    public static String map(Map<String, ?> values) {
        Map<String, Object> shown = new java.util.LinkedHashMap<>(values);
        shown.replaceAll((name, value) -> isSecret(name) && value != null ? mask(value.toString()) : value);
        return shown.toString();
    }

    /** Headers with several values each, as AWS's log prints them: {@code {Accept=a,b, Host=h}}; credentials masked. */
    public static String multiMap(Map<String, List<String>> values) {
        Map<String, String> joined = new java.util.LinkedHashMap<>();
        values.forEach((name, all) -> joined.put(name, String.join(",", all)));
        return map(joined);
    }

    /** Whether a header of this name carries a credential, whose value a log must never show. */
    public static boolean isSecret(String headerName) {
        return headerName.equalsIgnoreCase("Authorization") || headerName.equalsIgnoreCase("x-api-key")
                || headerName.equalsIgnoreCase("X-Amz-Security-Token");
    }

    /** A credential as logs show it: asterisks only, nothing of the value, not even its length. */
    public static String mask(String secret) {
        return secret.isEmpty() ? secret : "********";
    }
}
