package dev.turnpike.runtime.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the resource for a path below the stage, the way API Gateway does: literal segments before a path
 * parameter, a path parameter before a greedy {@code {proxy+}}, the first complete match in that order.
 *
 * <p>Empty segments ({@code //}) are skipped when matching, except inside what a greedy parameter captures,
 * where API Gateway keeps them; a trailing slash selects the same resource and is not part of a greedy value.
 * Values are not percent-decoded.
 */
public final class Router {

    private final RouteNode root;

    public Router(RouteNode root) {
        this.root = root;
    }

    /**
     * @param path the request path below the stage, starting with {@code /} (or empty), still percent-encoded
     * @param httpMethod upper-case request method
     * @return the match, or {@code null} when no resource with methods matches the path
     */
    public RouteMatch match(String path, String httpMethod) {
        Segments segments = Segments.of(path);
        Map<String, String> params = new HashMap<>(4);
        RouteNode node = walk(root, segments, 0, params);
        if (node == null) {
            return null;
        }
        return new RouteMatch(node, node.operation(httpMethod), params);
    }

    private static RouteNode walk(RouteNode node, Segments segments, int index, Map<String, String> params) {
        if (index == segments.size()) {
            return node.hasMethods() ? node : null;
        }
        String segment = segments.get(index);
        RouteNode literal = node.literal(segment);
        if (literal != null) {
            RouteNode found = walk(literal, segments, index + 1, params);
            if (found != null) {
                return found;
            }
        }
        if (node.paramChild() != null) {
            RouteNode found = walk(node.paramChild(), segments, index + 1, params);
            if (found != null) {
                params.put(node.paramName(), segment);
                return found;
            }
        }
        if (node.greedyChild() != null && node.greedyChild().hasMethods()) {
            params.put(node.greedyName(), segments.rest(index));
            return node.greedyChild();
        }
        return null;
    }

    /** The non-empty segments of a path, remembering where each starts so a greedy match can take the rest raw. */
    private static final class Segments {
        private final String path;
        private final List<String> values = new ArrayList<>(8);
        private final List<Integer> starts = new ArrayList<>(8);

        private Segments(String path) {
            this.path = path;
        }

        static Segments of(String path) {
            Segments s = new Segments(path);
            int i = 0;
            int n = path.length();
            while (i < n) {
                int slash = path.indexOf('/', i);
                int end = slash < 0 ? n : slash;
                if (end > i) {
                    s.values.add(path.substring(i, end));
                    s.starts.add(i);
                }
                i = end + 1;
            }
            return s;
        }

        int size() {
            return values.size();
        }

        String get(int index) {
            return values.get(index);
        }

        /** The raw rest of the path from segment {@code index}, inner empty segments kept, trailing slashes not. */
        String rest(int index) {
            int end = path.length();
            while (end > 0 && path.charAt(end - 1) == '/') {
                end--;
            }
            return path.substring(starts.get(index), end);
        }
    }
}
