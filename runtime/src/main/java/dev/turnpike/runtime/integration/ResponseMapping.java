package dev.turnpike.runtime.integration;

import dev.turnpike.runtime.http.Bodies;
import dev.turnpike.runtime.http.Headers;
import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.model.IntegrationResponse;
import dev.turnpike.runtime.pipeline.Exchange;
import dev.turnpike.runtime.pipeline.MethodResponse;
import dev.turnpike.runtime.pipeline.Outcome;
import dev.turnpike.runtime.response.GatewayError;
import dev.turnpike.runtime.response.GatewayResponseType;
import dev.turnpike.runtime.template.TemplateSelection;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The integration response of a non-proxy integration (HTTP, MOCK): the entry whose {@code selectionPattern}
 * matches the backend's status (else {@code default}; with neither, AWS's 500), its {@code responseParameters},
 * {@code contentHandling} and response template, then what the template set in
 * {@code $context.responseOverride} (status and headers).
 */
final class ResponseMapping {

    private ResponseMapping() {
    }

    /** What a backend answered, as the integration response sees it. */
    record BackendAnswer(int status, Map<String, List<String>> headers, byte[] body) {
    }

    static Outcome map(Exchange exchange, Integration integration, PreparedTemplates templates,
            List<String> binaryMediaTypes, BackendAnswer answer, TemplateInput requestInput) {
        return map(exchange, integration, templates, binaryMediaTypes, answer, requestInput,
                Integer.toString(answer.status()));
    }

    /**
     * @param selectionInput what {@code selectionPattern}s are matched against (the backend status for HTTP, a
     *     Lambda function error's {@code errorMessage}); {@code null} selects the default response
     */
    static Outcome map(Exchange exchange, Integration integration, PreparedTemplates templates,
            List<String> binaryMediaTypes, BackendAnswer answer, TemplateInput requestInput, String selectionInput) {
        IntegrationResponse selected = ResponseSelection.select(integration.responses(), selectionInput);
        if (selected == null) {
            return Outcome.of(GatewayError.of(GatewayResponseType.API_CONFIGURATION_ERROR, "No match for output"
                    + " mapping and no default output mapping specified (backend status " + answer.status() + ")"));
        }
        String contentHandling = selected.contentHandling();
        String backendType = first(answer.headers(), "Content-Type");
        boolean binary = BinaryPayloads.isBinary(backendType, binaryMediaTypes);
        String templateKey = TemplateSelection.forResponse(selected.responseTemplates(),
                exchange.clientRequest().headers().first("Accept"));
        if (templateKey != null && BinaryPayloads.CONVERT_TO_BINARY.equals(contentHandling)) {
            return Outcome.of(GatewayError.of(GatewayResponseType.API_CONFIGURATION_ERROR,
                    "a response template cannot render a payload converted to binary"));
        }
        byte[] payload;
        try {
            payload = BinaryPayloads.convert(answer.body(), binary, contentHandling);
        } catch (BinaryPayloads.NotBase64 e) {
            return Outcome.of(GatewayError.of(GatewayResponseType.API_CONFIGURATION_ERROR, e.getMessage()));
        }
        String payloadText = new String(payload, StandardCharsets.UTF_8);

        Headers headers = new Headers();
        ResponseParameters.apply(selected.responseParameters(), exchange, answer.headers(), payloadText, headers);
        byte[] body = payload;
        if (templateKey != null) {
            Template template = templates.get(selected.responseTemplates(), templateKey,
                    exchange.operation() + " response " + selected.statusCode() + " template for " + templateKey);
            try {
                body = template.render(requestInput.withIntegrationResponse(payloadText, answer.status(),
                        answer.headers())).getBytes(StandardCharsets.UTF_8);
            } catch (Template.RenderFailure e) {
                return Outcome.of(e.error());
            }
        }
        int status = Integer.parseInt(selected.statusCode());
        status = requestInput.overrides().responseStatus().orElse(status);
        requestInput.overrides().responseHeaders().forEach((name, value) -> ResponseParameters.put(headers, name, value));
        if (!headers.contains("Content-Type")) {
            headers.add("Content-Type", templateKey != null ? templateKey : TemplateSelection.DEFAULT_CONTENT_TYPE);
        }
        headers.set("Content-Length", Integer.toString(body.length));
        return Outcome.of(new MethodResponse(status, headers, Bodies.of(body)));
    }

    static String first(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty()) {
                return h.getValue().get(0);
            }
        }
        return null;
    }
}
