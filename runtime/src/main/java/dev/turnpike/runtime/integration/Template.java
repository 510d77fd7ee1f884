package dev.turnpike.runtime.integration;

import dev.turnpike.runtime.response.GatewayError;
import dev.turnpike.runtime.response.GatewayResponseType;
import dev.turnpike.runtime.template.MappingTemplate;
import dev.turnpike.runtime.template.TemplateContext;
import dev.turnpike.runtime.template.TemplateException;

/**
 * One mapping template, parsed: the one place integrations meet the template runtime. Parsing fails only for a
 * template the build did not check (the gateway then does not start); rendering may fail on its input, and AWS
 * then answers 500 (or 400 for a payload that starts like JSON but is not).
 */
final class Template {

    private final MappingTemplate parsed;

    private Template(MappingTemplate parsed) {
        this.parsed = parsed;
    }

    static Template parse(String source, String name) {
        try {
            return new Template(MappingTemplate.prepare(source, name));
        } catch (TemplateException e) {
            throw new IllegalStateException("a mapping template the build should have refused: " + e.getMessage(), e);
        }
    }

    /** The rendered text; throws {@link RenderFailure} when the template fails on this input. */
    String render(TemplateInput input) {
        if (parsed.verbatim()) {
            return parsed.source(); // nothing to render: no context is built (a third of a MOCK's allocation)
        }
        TemplateContext.Builder context = TemplateContext.builder()
                .body(input.body())
                .pathParameters(input.pathParameters())
                .queryParameters(input.queryParameters())
                .headers(input.headers())
                .stageVariables(input.stageVariables())
                .context(input.context())
                .overrides(input.overrides());
        if (input.integrationStatus() != 0) {
            context.integrationResponse(input.integrationStatus(), input.integrationHeaders());
        }
        try {
            return parsed.render(context.build());
        } catch (TemplateException e) {
            throw new RenderFailure(e);
        }
    }

    String source() {
        return parsed.source();
    }

    /** A template that failed on its input. */
    static final class RenderFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient GatewayError error;

        RenderFailure(TemplateException e) {
            super(e.getMessage(), e);
            error = e.status() == 400
                    ? new GatewayError(GatewayResponseType.BAD_REQUEST_BODY, e.clientMessage(), e.getMessage())
                    : GatewayError.of(GatewayResponseType.API_CONFIGURATION_ERROR, e.getMessage());
        }

        /** The gateway response AWS answers with. */
        GatewayError error() {
            return error;
        }
    }
}
