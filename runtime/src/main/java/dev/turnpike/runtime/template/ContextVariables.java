package dev.turnpike.runtime.template;

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
        return RootContextMap.filled(context);
    }

    /**
     * {@code $context} as {@link #context} builds it, copied only when a template needs more than a plain value or
     * an override (a compiled render: most read one or two entries).
     */
    static Map<String, Object> pendingContext(TemplateContext context) {
        return RootContextMap.pending(context);
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
}
