package dev.turnpike.runtime.template;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSONPaths templates nearly always use, {@code $} and {@code $.a.b} with plain names, read by walking the
 * parsed maps instead of Jayway's evaluator (which allocates an evaluation context, path tokens and, for a missing
 * key, an exception per read). Only cases whose Jayway answer is certain are decided here: the root and every
 * step a map, each name present (its value, null included) or the last name absent (nothing selected). Anything
 * else (arrays, filters, brackets, a step that is not a map, a missing inner name) is {@link #UNDECIDED} and goes
 * to Jayway. {@code SimplePathTest} holds both to the same answers.
 */
final class SimplePath {

    /** Not a simple path, or a case left to Jayway. */
    static final Object UNDECIDED = new Object();
    /** The last name is not in its map: Jayway's "no results", a path that selects nothing. */
    static final Object ABSENT = new Object();

    private static final String[] NOT_SIMPLE = {};
    /** The names of each path text seen, split once. Bounded, so dynamic paths cannot grow it. */
    private static final Map<String, String[]> NAMES = new ConcurrentHashMap<>();
    private static final int MAX_PATHS = 4096;

    private SimplePath() {
    }

    /** The value {@code expression} selects from {@code root}, {@link #ABSENT}, or {@link #UNDECIDED}. */
    static Object read(String expression, Object root) {
        String[] names = names(expression);
        if (names == NOT_SIMPLE || !(root instanceof Map<?, ?>)) {
            return UNDECIDED;
        }
        Object value = root;
        for (int i = 0; i < names.length; i++) {
            if (!(value instanceof Map<?, ?> map)) {
                return UNDECIDED;
            }
            value = map.get(names[i]);
            if (value == null && !map.containsKey(names[i])) {
                return i == names.length - 1 ? ABSENT : UNDECIDED;
            }
        }
        return value;
    }

    private static String[] names(String expression) {
        String[] names = NAMES.get(expression);
        if (names == null) {
            names = split(expression);
            if (NAMES.size() < MAX_PATHS) {
                NAMES.put(expression, names);
            }
        }
        return names;
    }

    /** {@code $} is no names, {@code $.a.b} is {@code [a, b]}; anything else is {@link #NOT_SIMPLE}. */
    static String[] split(String expression) {
        if (expression.equals("$")) {
            return new String[0];
        }
        if (!expression.startsWith("$.")) {
            return NOT_SIMPLE;
        }
        String[] names = expression.substring(2).split("\\.", -1);
        for (String name : names) {
            if (!isPlainName(name)) {
                return NOT_SIMPLE;
            }
        }
        return names;
    }

    /** Letters, digits and underscores, not starting with a digit: a name Jayway reads as one property. */
    private static boolean isPlainName(String name) {
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
