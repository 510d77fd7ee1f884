package dev.turnpike.runtime.template;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * {@code $util}: API Gateway's template functions, byte for byte (SEMANTICS.md §2.9-2.10). Stateless; a {@code null}
 * argument gives {@code null}, which templates render as nothing. Also callable from compiled templates.
 */
public final class UtilFunctions {

    /** The one instance; it has no state. */
    public static final UtilFunctions INSTANCE = new UtilFunctions();

    private UtilFunctions() {
    }

    /**
     * JavaScript string escaping as commons-lang 2 {@code StringEscapeUtils.escapeJavaScript}: {@code '} and
     * {@code "} and {@code \} and {@code /} get a backslash, control characters their short escape or
     * {@code &#92;u00XX}, every non-ASCII character {@code &#92;uXXXX} (upper-case hex).
     */
    public String escapeJavaScript(String s) {
        if (s == null) {
            return null;
        }
        int first = 0;
        while (first < s.length() && !needsEscape(s.charAt(first))) {
            first++;
        }
        if (first == s.length()) {
            return s; // most values (ids, IPs, names) need no escape: no copy
        }
        StringBuilder out = new StringBuilder(s.length() + 16).append(s, 0, first);
        for (int i = first; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch > 0xfff) {
                out.append("\\u").append(hex(ch));
            } else if (ch > 0xff) {
                out.append("\\u0").append(hex(ch));
            } else if (ch > 0x7f) {
                out.append("\\u00").append(hex(ch));
            } else if (ch < 32) {
                switch (ch) {
                    case '\b' -> out.append("\\b");
                    case '\n' -> out.append("\\n");
                    case '\t' -> out.append("\\t");
                    case '\f' -> out.append("\\f");
                    case '\r' -> out.append("\\r");
                    default -> out.append(ch > 0xf ? "\\u00" : "\\u000").append(hex(ch));
                }
            } else {
                switch (ch) {
                    case '\'' -> out.append("\\'");
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '/' -> out.append("\\/");
                    default -> out.append(ch);
                }
            }
        }
        return out.toString();
    }

    /** Whether {@link #escapeJavaScript} changes the character: anything but printable ASCII, quotes, \\ and /. */
    private static boolean needsEscape(char ch) {
        return ch < 32 || ch > 0x7f || ch == '\'' || ch == '"' || ch == '\\' || ch == '/';
    }

    /**
     * Parses JSON text into the objects {@code $input.path} gives (maps, lists, strings, numbers, booleans).
     *
     * @throws IllegalArgumentException when the text starts like JSON and breaks
     */
    public Object parseJson(String json) {
        if (json == null) {
            return null;
        }
        try {
            return Payload.parseValue(json);
        } catch (Payload.BadPayloadException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e.getCause());
        }
    }

    /** {@code application/x-www-form-urlencoded} encoding of the UTF-8 bytes: space is {@code +}, {@code *} kept. */
    public String urlEncode(String s) {
        return s == null ? null : URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * Form decoding: {@code +} is a space, {@code %XX} UTF-8 bytes.
     *
     * @throws IllegalArgumentException on a malformed {@code %} escape
     */
    public String urlDecode(String s) {
        return s == null ? null : URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** Standard Base64 (with padding) of the UTF-8 bytes. */
    public String base64Encode(String s) {
        return s == null ? null : Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Standard Base64 to UTF-8 text; padding may be left out.
     *
     * @throws IllegalArgumentException when the text is not Base64
     */
    public String base64Decode(String s) {
        return s == null ? null : new String(Base64.getDecoder().decode(s.trim()), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "";
    }

    private static String hex(char ch) {
        return Integer.toHexString(ch).toUpperCase(Locale.ENGLISH);
    }
}
