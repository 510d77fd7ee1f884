package dev.turnpike.codegen.model;

import java.util.ArrayList;
import java.util.List;

/** The segments of a resource path template such as {@code /pets/{petId}/{proxy+}}. */
public final class PathTemplate {

    public enum Kind {
        LITERAL,
        /** {@code {name}}: one segment. */
        PARAM,
        /** {@code {name+}}: the rest of the path. */
        GREEDY,
        /** Text and braces mixed ({@code x{id}}), or braces without a name: API Gateway has no such segment. */
        MALFORMED
    }

    /** One segment: its text as written, and for parameters the name without braces and {@code +}. */
    public record Segment(Kind kind, String text, String name) {
    }

    private PathTemplate() {
    }

    /** The segments between slashes, empty ones included (as empty literals), so callers can report them. */
    public static List<Segment> segments(String path) {
        List<Segment> segments = new ArrayList<>();
        String body = path.startsWith("/") ? path.substring(1) : path;
        if (body.isEmpty()) {
            return segments;
        }
        for (String text : body.split("/", -1)) {
            segments.add(segment(text));
        }
        return segments;
    }

    /** The names of the path's parameters, greedy ones included, in order. */
    public static List<String> parameterNames(String path) {
        List<String> names = new ArrayList<>();
        for (Segment segment : segments(path)) {
            if (segment.kind() == Kind.PARAM || segment.kind() == Kind.GREEDY) {
                names.add(segment.name());
            }
        }
        return names;
    }

    private static Segment segment(String text) {
        boolean braces = text.indexOf('{') >= 0 || text.indexOf('}') >= 0;
        if (!braces) {
            return new Segment(Kind.LITERAL, text, null);
        }
        if (text.length() > 2 && text.startsWith("{") && text.endsWith("}")) {
            String inner = text.substring(1, text.length() - 1);
            boolean greedy = inner.endsWith("+");
            String name = greedy ? inner.substring(0, inner.length() - 1) : inner;
            if (!name.isEmpty() && name.chars().noneMatch(c -> c == '{' || c == '}' || c == '+')) {
                return new Segment(greedy ? Kind.GREEDY : Kind.PARAM, text, name);
            }
        }
        return new Segment(Kind.MALFORMED, text, null);
    }
}
