package dev.turnpike.runtime.integration;

import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.pipeline.Exchange;
import dev.turnpike.runtime.response.GatewayError;
import dev.turnpike.runtime.response.GatewayResponseType;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The integration request of a non-proxy integration (HTTP, MOCK): the {@code requestParameters} values, then the
 * payload: converted per {@code contentHandling}, rendered by the request template that matches its
 * {@code Content-Type}, or passed through, or refused with 415 (see {@link RequestTemplateChoice}).
 */
final class RequestMapping {

    private RequestMapping() {
    }

    /**
     * @param body the integration request payload
     * @param contentType the payload's {@code Content-Type}
     * @param parameters every {@code integration.request.*} target with its value; unset sources left out
     * @param input what the request template saw, {@code $context} included (the response template reads it)
     * @param rendered whether a request template made the payload (else it passed through)
     */
    record Mapped(byte[] body, String contentType, Map<String, String> parameters, TemplateInput input,
            boolean rendered) {
    }

    /** A request API Gateway refuses before the integration. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        private final transient GatewayError error;

        Refused(GatewayError error) {
            super(error.type().name(), null, false, false);
            this.error = error;
        }

        GatewayError error() {
            return error;
        }
    }

    static Mapped map(Exchange exchange, Integration integration, PreparedTemplates templates,
            List<String> binaryMediaTypes, byte[] clientBody) throws Refused {
        String contentType = exchange.clientRequest().headers().first("Content-Type");
        RequestTemplateChoice choice = RequestTemplateChoice.of(integration.requestTemplates(), contentType,
                integration.passthroughBehavior());
        if (choice.unsupported()) {
            throw new Refused(new GatewayError(GatewayResponseType.UNSUPPORTED_MEDIA_TYPE, null,
                    "no request template for " + contentType + " and passthroughBehavior "
                            + integration.passthroughBehavior()));
        }
        String handling = integration.contentHandling();
        if (choice.contentType() != null && BinaryPayloads.CONVERT_TO_BINARY.equals(handling)) {
            throw new Refused(GatewayError.of(GatewayResponseType.API_CONFIGURATION_ERROR,
                    "a request template cannot render a payload converted to binary"));
        }
        byte[] payload;
        try {
            payload = BinaryPayloads.convert(clientBody, BinaryPayloads.isBinary(contentType, binaryMediaTypes),
                    handling);
        } catch (BinaryPayloads.NotBase64 e) {
            throw new Refused(GatewayError.of(GatewayResponseType.API_CONFIGURATION_ERROR, e.getMessage()));
        }
        TemplateInput input = TemplateInput.forRequest(exchange, new String(payload, StandardCharsets.UTF_8));
        Map<String, String> parameters = parameters(exchange, integration);
        if (choice.contentType() == null) {
            return new Mapped(payload, contentType, parameters, input, false);
        }
        Template template = templates.get(integration.requestTemplates(), choice.contentType(),
                exchange.operation() + " request template for " + choice.contentType());
        try {
            byte[] rendered = template.render(input).getBytes(StandardCharsets.UTF_8);
            return new Mapped(rendered, contentType != null ? contentType : choice.contentType(), parameters, input,
                    true);
        } catch (Template.RenderFailure e) {
            throw new Refused(e.error());
        }
    }

    private static Map<String, String> parameters(Exchange exchange, Integration integration) {
        Map<String, String> values = new HashMap<>();
        if (integration.requestParameters().isEmpty()) {
            return values;
        }
        QueryString query = QueryString.parse(exchange.clientRequest().rawQuery());
        integration.requestParameters().forEach((target, source) -> {
            String value = ParameterSources.evaluate(source, exchange, query);
            if (value != null) {
                values.put(target, value);
            }
        });
        return values;
    }
}
