package dev.turnpike.runtime.template;

import java.util.Map;

/**
 * {@code $input}: the payload and the method request's parameters. One instance per render; it parses the payload
 * at most once, on the first {@code path} or {@code json}. Also callable from compiled templates.
 */
public final class InputVariable {

    private final String body;
    private final RequestParameters parameters;
    /** Whether {@link #params()} copies each map on first read (compiled renders) or all at once (the interpreter). */
    private final boolean pendingParams;
    private Payload payload;

    InputVariable(TemplateContext context, RequestParameters parameters) {
        this(context, parameters, false);
    }

    InputVariable(TemplateContext context, RequestParameters parameters, boolean pendingParams) {
        this.body = context.body().isEmpty() ? "{}" : context.body();
        this.parameters = parameters;
        this.pendingParams = pendingParams;
    }

    /** Creates the {@code $input} of a context (for compiled templates). */
    public static InputVariable of(TemplateContext context) {
        return new InputVariable(context, context.parameters());
    }

    /** {@code $input.body}: the raw payload, {@code {}} when there is none (SEMANTICS.md §2.6). */
    public String getBody() {
        return body;
    }

    /** Same as {@link #getBody()}. */
    public String body() {
        return body;
    }

    /** {@code $input.json(x)}: the selected value as compact JSON, {@code ""} when the path selects nothing. */
    public String json(String path) throws Payload.BadPayloadException {
        return payload().json(path);
    }

    /** {@code $input.path(x)}: the selected value as a live object (map, list, string, number, boolean) or null. */
    public Object path(String path) throws Payload.BadPayloadException {
        return payload().path(path);
    }

    /** {@code $input.params()}: {@code path}, {@code querystring} and {@code header}, each a name to value map. */
    public Map<String, Map<String, String>> params() {
        return pendingParams ? ParameterMaps.pending(parameters) : ParameterMaps.filled(parameters);
    }

    /** {@code $input.params(x)}: the path parameter, else query parameter, else header {@code x}; {@code ""} if none. */
    public String params(String name) {
        return parameters.find(name);
    }

    private Payload payload() throws Payload.BadPayloadException {
        if (payload == null) {
            payload = Payload.parse(body);
        }
        return payload;
    }

    @Override
    public String toString() {
        return "";
    }
}
