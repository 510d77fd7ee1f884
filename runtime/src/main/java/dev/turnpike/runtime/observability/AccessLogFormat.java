package dev.turnpike.runtime.observability;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stage's {@code accessLogSettings.format}: text with {@code $context} variables, parsed once at start into
 * literal text and variable lookups, so writing a line is appending strings. A variable API Gateway does not offer
 * in access logs fails start, as does a format without {@code $context.requestId} or
 * {@code $context.extendedRequestId} (AWS refuses those too).
 */
public final class AccessLogFormat {

    private static final Pattern VARIABLE = Pattern.compile("\\$context\\.([A-Za-z0-9_]+(?:\\.[A-Za-z0-9_-]+)*)");

    /** The Common Log Format as API Gateway's console offers it. */
    public static final String CLF = "$context.identity.sourceIp $context.identity.caller $context.identity.user "
            + "[$context.requestTime] \"$context.httpMethod $context.resourcePath $context.protocol\" $context.status "
            + "$context.responseLength $context.requestId $context.extendedRequestId";

    /** The JSON format as API Gateway's console offers it. */
    public static final String JSON = "{ \"requestId\":\"$context.requestId\", "
            + "\"extendedRequestId\":\"$context.extendedRequestId\", \"ip\": \"$context.identity.sourceIp\", "
            + "\"caller\":\"$context.identity.caller\", \"user\":\"$context.identity.user\", "
            + "\"requestTime\":\"$context.requestTime\", \"httpMethod\":\"$context.httpMethod\", "
            + "\"resourcePath\":\"$context.resourcePath\", \"status\":\"$context.status\", "
            + "\"protocol\":\"$context.protocol\", \"responseLength\":\"$context.responseLength\" }";

    /** The XML format as API Gateway's console offers it. */
    public static final String XML = "<request id=\"$context.requestId\"> "
            + "<extendedRequestId>$context.extendedRequestId</extendedRequestId> "
            + "<ip>$context.identity.sourceIp</ip> <caller>$context.identity.caller</caller> "
            + "<user>$context.identity.user</user> <requestTime>$context.requestTime</requestTime> "
            + "<httpMethod>$context.httpMethod</httpMethod> <resourcePath>$context.resourcePath</resourcePath> "
            + "<status>$context.status</status> <protocol>$context.protocol</protocol> "
            + "<responseLength>$context.responseLength</responseLength> </request>";

    /** The CSV format as API Gateway's console offers it. */
    public static final String CSV = "$context.identity.sourceIp,$context.identity.caller,$context.identity.user,"
            + "$context.requestTime,$context.httpMethod,$context.resourcePath,$context.protocol,$context.status,"
            + "$context.responseLength,$context.requestId,$context.extendedRequestId";

    private final String format;
    private final List<Object> parts; // String literals and Function<RequestEnd, String> lookups

    private AccessLogFormat(String format, List<Object> parts) {
        this.format = format;
        this.parts = parts;
    }

    /**
     * The format; {@code CLF}, {@code JSON}, {@code XML} and {@code CSV} stand for the console's formats. Throws
     * {@link IllegalArgumentException} naming every unknown variable.
     */
    public static AccessLogFormat parse(String format) {
        String text = switch (format) {
            case "CLF" -> CLF;
            case "JSON" -> JSON;
            case "XML" -> XML;
            case "CSV" -> CSV;
            default -> format;
        };
        List<Object> parts = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        boolean hasId = false;
        Matcher m = VARIABLE.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                parts.add(text.substring(at, m.start()));
            }
            String name = m.group(1);
            Function<RequestEnd, String> lookup = AccessLogVariables.lookup(name);
            if (lookup == null) {
                unknown.add("$context." + name);
            } else {
                parts.add(lookup);
            }
            hasId |= name.equals("requestId") || name.equals("extendedRequestId");
            at = m.end();
        }
        if (at < text.length()) {
            parts.add(text.substring(at));
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown access log variable" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + " (docs/configuration.md lists the $context variables)");
        }
        if (!hasId) {
            throw new IllegalArgumentException("an access log format must include $context.requestId or "
                    + "$context.extendedRequestId");
        }
        return new AccessLogFormat(text, List.copyOf(parts));
    }

    /** The line for one request; a value the request does not have is {@code -}, as in AWS's access logs. */
    @SuppressWarnings("unchecked")
    public String render(RequestEnd end) {
        StringBuilder line = new StringBuilder(format.length() + 64);
        for (Object part : parts) {
            if (part instanceof String literal) {
                line.append(literal);
            } else {
                String value = ((Function<RequestEnd, String>) part).apply(end);
                line.append(value == null ? "-" : value);
            }
        }
        return line.toString();
    }

    /** The format with the console names expanded. */
    public String format() {
        return format;
    }

    @Override
    public String toString() {
        return "AccessLogFormat[" + format + "]";
    }
}
