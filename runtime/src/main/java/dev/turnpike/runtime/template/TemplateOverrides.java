package dev.turnpike.runtime.template;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * {@code $context.requestOverride} and {@code $context.responseOverride}: the only state a template writes. One
 * instance lives for one client request, so what the request template sets is readable again by the response
 * template (MOCK integrations rely on it, SEMANTICS.md §2.13). Not thread-safe; a request renders on one thread
 * at a time.
 */
public final class TemplateOverrides {

    private final Map<String, Object> requestOverride = new ContextMap();
    private final Map<String, Object> responseOverride = new ContextMap();

    public TemplateOverrides() {
        // Keys as AWS has them before any template ran (SEMANTICS.md §2.12).
        requestOverride.put("path", new ContextMap());
        requestOverride.put("header", new ContextMap());
        requestOverride.put("querystring", new ContextMap());
        responseOverride.put("header", new ContextMap());
    }

    /** The live {@code $context.requestOverride} map (keys {@code path}, {@code header}, {@code querystring}). */
    Map<String, Object> requestOverride() {
        return requestOverride;
    }

    /** The live {@code $context.responseOverride} map (key {@code header}, and {@code status} once set). */
    Map<String, Object> responseOverride() {
        return responseOverride;
    }

    /** {@code $context.requestOverride.path.*}: integration request path parameters to override. */
    public Map<String, String> requestPath() {
        return strings(requestOverride.get("path"));
    }

    /** {@code $context.requestOverride.header.*}: integration request headers to override. */
    public Map<String, String> requestHeaders() {
        return strings(requestOverride.get("header"));
    }

    /** {@code $context.requestOverride.querystring.*}: integration request query parameters to override. */
    public Map<String, String> requestQuerystring() {
        return strings(requestOverride.get("querystring"));
    }

    /** {@code $context.responseOverride.header.*}: method response headers to override. */
    public Map<String, String> responseHeaders() {
        return strings(responseOverride.get("header"));
    }

    /**
     * {@code $context.responseOverride.status}, when a template set it to an integer from 100 to 599 (a number or
     * a numeric string); AWS ignores anything else.
     */
    public OptionalInt responseStatus() {
        Object value = responseOverride.get("status");
        int status;
        if (value instanceof Number n && n.doubleValue() == n.intValue()) {
            status = n.intValue();
        } else if (value instanceof CharSequence s) {
            try {
                status = Integer.parseInt(s.toString().trim());
            } catch (NumberFormatException e) {
                return OptionalInt.empty();
            }
        } else {
            return OptionalInt.empty();
        }
        return status >= 100 && status <= 599 ? OptionalInt.of(status) : OptionalInt.empty();
    }

    private static Map<String, String> strings(Object map) {
        if (!(map instanceof Map<?, ?> m) || m.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (e.getKey() != null && e.getValue() != null) {
                out.put(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    @Override
    public String toString() {
        return "TemplateOverrides[request=" + new HashMap<>(requestOverride) + ", response="
                + new HashMap<>(responseOverride) + "]";
    }
}
