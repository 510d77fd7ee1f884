package dev.turnpike.runtime.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a mapping template can see: the payload, the method request's parameters, stage variables and
 * {@code $context}. Immutable apart from the shared {@link TemplateOverrides}; build one per render with
 * {@link #builder()}.
 */
public final class TemplateContext {

    private final String body;
    private final Map<String, String> pathParameters;
    private final Map<String, List<String>> queryParameters;
    private final Map<String, List<String>> headers;
    private final Map<String, String> stageVariables;
    private final Map<String, Object> context;
    private final int integrationStatus;
    private final Map<String, List<String>> integrationHeaders;
    private final TemplateOverrides overrides;
    /**
     * The parameters' template views, derived once: they depend only on this immutable context, and every
     * render of the request (request and response templates, {@code $input} and {@code $method}) reads them.
     * Immutable, so a race only builds them twice.
     */
    private RequestParameters parameters;

    private TemplateContext(Builder b) {
        this.body = b.body;
        this.pathParameters = b.pathParameters;
        this.queryParameters = b.queryParameters;
        this.headers = b.headers;
        this.stageVariables = b.stageVariables;
        this.context = b.context;
        this.integrationStatus = b.integrationStatus;
        this.integrationHeaders = b.integrationHeaders;
        this.overrides = b.overrides == null ? new TemplateOverrides() : b.overrides;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The raw payload: request body in the request phase, integration response body in the response phase. */
    public String body() {
        return body;
    }

    public Map<String, String> pathParameters() {
        return pathParameters;
    }

    public Map<String, List<String>> queryParameters() {
        return queryParameters;
    }

    public Map<String, List<String>> headers() {
        return headers;
    }

    public Map<String, String> stageVariables() {
        return stageVariables;
    }

    /** The {@code $context} values given to the builder (without the overrides). */
    public Map<String, Object> context() {
        return context;
    }

    /** The integration response status in the response phase, else 0. Not a template variable on AWS. */
    public int integrationStatus() {
        return integrationStatus;
    }

    /** The integration response headers in the response phase, else empty. Not a template variable on AWS. */
    public Map<String, List<String>> integrationHeaders() {
        return integrationHeaders;
    }

    /**
     * {@code $context.requestOverride} / {@code responseOverride}: read them after rendering. Pass the same
     * instance to the request and the response template of one client request.
     */
    public TemplateOverrides overrides() {
        return overrides;
    }

    RequestParameters parameters() {
        RequestParameters p = parameters;
        if (p == null) {
            p = new RequestParameters(this);
            parameters = p;
        }
        return p;
    }

    @Override
    public String toString() {
        return "TemplateContext[body=" + body.length() + " chars, path=" + pathParameters + ", query="
                + queryParameters + ", headers=" + headers.keySet() + ", stageVariables=" + stageVariables.keySet()
                + ", context=" + context.keySet() + "]";
    }

    public static final class Builder {

        private String body = "";
        private Map<String, String> pathParameters = Map.of();
        private Map<String, List<String>> queryParameters = Map.of();
        private Map<String, List<String>> headers = Map.of();
        private Map<String, String> stageVariables = Map.of();
        private Map<String, Object> context = Map.of();
        private int integrationStatus;
        private Map<String, List<String>> integrationHeaders = Map.of();
        private TemplateOverrides overrides;

        private Builder() {
        }

        /** {@code $input.body}: {@code null} or {@code ""} when there is none (templates then see {@code {}}). */
        public Builder body(String body) {
            this.body = body == null ? "" : body;
            return this;
        }

        /** {@code $input.params().path}, {@code $method.request.path}; values as matched (not decoded further). */
        public Builder pathParameters(Map<String, String> values) {
            this.pathParameters = frozen(values, "pathParameters");
            return this;
        }

        /** Decoded query parameters in arrival order; single-value views take the last value. */
        public Builder queryParameters(Map<String, List<String>> values) {
            this.queryParameters = frozenLists(values, "queryParameters");
            return this;
        }

        /** Request headers as the client sent them. */
        public Builder headers(Map<String, List<String>> values) {
            this.headers = frozenLists(values, "headers");
            return this;
        }

        public Builder stageVariables(Map<String, String> values) {
            this.stageVariables = frozen(values, "stageVariables");
            return this;
        }

        /**
         * {@code $context} values: {@code requestId}, {@code stage}, {@code identity} (a map), {@code authorizer}
         * (a map), {@code error} (a map), ... Values may be strings, numbers, booleans, null or maps of those.
         * {@code requestOverride} / {@code responseOverride} come from {@link #overrides} instead.
         */
        public Builder context(Map<String, Object> values) {
            Objects.requireNonNull(values, "context");
            this.context = Collections.unmodifiableMap(new LinkedHashMap<>(values));
            return this;
        }

        /** Response phase only. API Gateway exposes no {@code $integration} variable to templates; kept for callers. */
        public Builder integrationResponse(int status, Map<String, List<String>> headers) {
            this.integrationStatus = status;
            this.integrationHeaders = frozenLists(headers, "integrationResponse headers");
            return this;
        }

        /** The overrides shared by the templates of one client request; a fresh one when not set. */
        public Builder overrides(TemplateOverrides overrides) {
            this.overrides = Objects.requireNonNull(overrides, "overrides");
            return this;
        }

        public TemplateContext build() {
            return new TemplateContext(this);
        }

        private static Map<String, String> frozen(Map<String, String> values, String what) {
            Objects.requireNonNull(values, what);
            Map<String, String> copy = new LinkedHashMap<>();
            values.forEach((k, v) -> copy.put(Objects.requireNonNull(k, what + " name"), v));
            return Collections.unmodifiableMap(copy);
        }

        private static Map<String, List<String>> frozenLists(Map<String, List<String>> values, String what) {
            Objects.requireNonNull(values, what);
            Map<String, List<String>> copy = new LinkedHashMap<>();
            values.forEach((k, v) -> copy.put(Objects.requireNonNull(k, what + " name"),
                    v == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(v))));
            return Collections.unmodifiableMap(copy);
        }
    }
}
