package dev.turnpike.runtime.template;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;
import net.minidev.json.JSONValue;

/**
 * Writes a parsed value as compact JSON, byte for byte what json-smart's {@code JSONValue.toJSONString} writes with
 * its default style (every key and string quoted; {@code /}, U+007F-U+009F and U+2000-U+20FF escaped, hex in upper
 * case; an infinite double is {@code null}).
 *
 * <p>Why not json-smart itself: it looks up a writer per value in a concurrent map and appends through
 * {@link Appendable} one call per character, which made {@code $input.json} most of a compiled render. Only the
 * exact classes a payload, {@code $util.parseJson} or a template literal produce are written here; any other value
 * (arrays, beans, big numbers, subclasses that may write themselves) goes to json-smart, so its output stays the
 * reference.
 */
final class CompactJson {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private CompactJson() {}

    static String write(Object value) {
        StringBuilder out = new StringBuilder(64);
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
            return;
        }
        Class<?> type = value.getClass();
        if (type == String.class) {
            string((String) value, out);
        } else if (type == Integer.class || type == Long.class || type == Boolean.class) {
            out.append(value);
        } else if (type == Double.class) {
            Double d = (Double) value;
            out.append(d.isInfinite() ? "null" : d.toString());
        } else if (type == LinkedHashMap.class || type == HashMap.class || type == JSONObject.class) {
            object((Map<?, ?>) value, out);
        } else if (type == JSONArray.class || type == ArrayList.class) {
            array((List<?>) value, out);
        } else {
            delegate(value, out);
        }
    }

    private static void object(Map<?, ?> map, StringBuilder out) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(entry.getKey().toString(), out); // json-smart too: a null key fails the same way
            out.append(':');
            write(entry.getValue(), out);
        }
        out.append('}');
    }

    private static void array(List<?> list, StringBuilder out) {
        out.append('[');
        boolean first = true;
        for (Object item : list) {
            if (!first) {
                out.append(',');
            }
            first = false;
            write(item, out);
        }
        out.append(']');
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        int len = s.length();
        int plain = 0; // start of the run of characters copied as they are
        for (int i = 0; i < len; i++) {
            char ch = s.charAt(i);
            String escape = escape(ch);
            if (escape == null) {
                continue;
            }
            out.append(s, plain, i);
            if (escape.isEmpty()) {
                out.append("\\u").append(HEX[ch >> 12 & 0xF]).append(HEX[ch >> 8 & 0xF])
                        .append(HEX[ch >> 4 & 0xF]).append(HEX[ch & 0xF]);
            } else {
                out.append(escape);
            }
            plain = i + 1;
        }
        out.append(s, plain, len);
        out.append('"');
    }

    /** {@code null}: copy as is; {@code ""}: write as {@code \}{@code uXXXX}; otherwise the escape to write. */
    private static String escape(char ch) {
        switch (ch) {
            case '"': return "\\\"";
            case '\\': return "\\\\";
            case '\b': return "\\b";
            case '\f': return "\\f";
            case '\n': return "\\n";
            case '\r': return "\\r";
            case '\t': return "\\t";
            case '/': return "\\/";
            default:
                return ch <= '\u001F' || (ch >= '\u007F' && ch <= '\u009F') || (ch >= '\u2000' && ch <= '\u20FF')
                        ? ""
                        : null;
        }
    }

    private static void delegate(Object value, StringBuilder out) {
        try {
            JSONValue.writeJSONString(value, out);
        } catch (IOException e) {
            throw new IllegalStateException("a StringBuilder does not throw", e);
        }
    }
}
