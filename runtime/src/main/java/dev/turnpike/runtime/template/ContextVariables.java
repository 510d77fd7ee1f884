package dev.turnpike.runtime.template;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the maps behind {@code $context}, {@code $stageVariables} and {@code $method}. Fresh, mutable maps per
 * render (templates may {@code #set} into them), except the overrides, which are shared on purpose.
 */
public final class ContextVariables {

    private ContextVariables() {
    }

    /**
     * {@code $context}: a {@link HashMap} (AWS's {@code keySet()} order), nested maps rendering as nothing,
     * {@code authorizer} an empty map when absent (but no key), {@code error.messageString} derived from
     * {@code error.message} when not given.
     */
    public static Map<String, Object> context(TemplateContext context) {
        Map<String, Object> root = new RootContextMap();
        context.context().forEach((key, value) -> {
            if (!key.equals("requestOverride") && !key.equals("responseOverride")) {
                root.put(key, nested(value));
            }
        });
        root.put("requestOverride", context.overrides().requestOverride());
        root.put("responseOverride", context.overrides().responseOverride());
        if (root.get("error") instanceof Map<?, ?> error && error.get("message") instanceof String message
                && !error.containsKey("messageString")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> writable = (Map<String, Object>) error;
            writable.put("messageString", Payload.toJson(message));
        }
        return root;
    }

    /** {@code $stageVariables}: a missing one renders as nothing. */
    public static Map<String, Object> stageVariables(TemplateContext context) {
        return new LinkedHashMap<>(context.stageVariables());
    }

    /**
     * {@code $method.request.{path|querystring|header|multivaluequerystring|multivalueheader}.<name>}, the
     * names API Gateway's parameter mappings use.
     */
    public static Map<String, Object> method(TemplateContext context) {
        return method(context.parameters());
    }

    static Map<String, Object> method(RequestParameters parameters) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("path", new LinkedHashMap<>(parameters.path));
        request.put("querystring", new LinkedHashMap<>(parameters.querystring));
        RequestParameters.HeaderMap<String> header = new RequestParameters.HeaderMap<>();
        header.putAll(parameters.header);
        request.put("header", header);
        Map<String, List<String>> multiQuery = new LinkedHashMap<>(parameters.multiValueQuerystring);
        request.put("multivaluequerystring", multiQuery);
        RequestParameters.HeaderMap<List<String>> multiHeader = new RequestParameters.HeaderMap<>();
        multiHeader.putAll(parameters.multiValueHeader);
        request.put("multivalueheader", multiHeader);
        Map<String, Object> method = new LinkedHashMap<>();
        method.put("request", request);
        return method;
    }

    private static Object nested(Object value) {
        if (value instanceof Map<?, ?> map) {
            ContextMap copy = new ContextMap();
            map.forEach((k, v) -> copy.put(String.valueOf(k), nested(v)));
            return copy;
        }
        return value;
    }

    /** {@code $context.authorizer} is an empty map when no authorizer ran, yet not a key (SEMANTICS.md §2.12). */
    private static final class RootContextMap extends HashMap<String, Object> {

        private static final long serialVersionUID = 1L;

        @Override
        public Object get(Object key) {
            Object value = super.get(key);
            if (value == null && "authorizer".equals(key) && !containsKey(key)) {
                return new ContextMap();
            }
            return value;
        }
    }
}
