package dev.turnpike.runtime.integration;

import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.pipeline.Exchange;
import dev.turnpike.runtime.pipeline.Outcome;
import dev.turnpike.runtime.response.GatewayError;
import dev.turnpike.runtime.response.GatewayResponseType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API Gateway's MOCK integration: the rendered request template's {@code statusCode} selects the integration
 * response, which maps the answer like any other (see {@link ResponseMapping}); what the request template wrote into
 * {@code $context.requestOverride} and {@code responseOverride} is there for the response template. No backend is
 * called. Without a request template the status is 200. The request body is read only when a template may use
 * it ({@code $input}).
 */
final class MockIntegration implements IntegrationHandler {

    /**
     * AWS reads the status leniently: {@code {statusCode: 200}} (unquoted key) works (SEMANTICS.md §2.15), and so do
     * a quoted number and extra fields.
     */
    private static final Pattern STATUS_CODE =
            Pattern.compile("^\\s*\\{(?:.*[,{\\s])?\"?statusCode\"?\\s*:\\s*(\"?)(\\d{3})\\1\\s*[,}]", Pattern.DOTALL);

    private final PreparedTemplates templates;
    private final List<String> binaryMediaTypes;

    MockIntegration(PreparedTemplates templates, List<String> binaryMediaTypes) {
        this.templates = templates;
        this.binaryMediaTypes = binaryMediaTypes;
    }

    @Override
    public CompletableFuture<Outcome> invoke(Exchange exchange) {
        if (!templates.readInput(exchange.operation().integration())) {
            // Nothing reads the payload: answer without waiting for it, as a MOCK without templates always did.
            return CompletableFuture.completedFuture(respond(exchange, new byte[0]));
        }
        return RequestBodies.read(exchange.clientRequest()).handle((body, failure) -> failure == null
                ? respond(exchange, body)
                : Outcome.of(RequestBodies.readFailure(failure, GatewayResponseType.DEFAULT_4XX)));
    }

    private Outcome respond(Exchange exchange, byte[] clientBody) {
        Integration integration = exchange.operation().integration();
        RequestMapping.Mapped mapped;
        try {
            mapped = RequestMapping.map(exchange, integration, templates, binaryMediaTypes, clientBody);
        } catch (RequestMapping.Refused refused) {
            return Outcome.of(refused.error());
        }
        exchange.executionLog().add(() -> "Endpoint request body after transformations: "
                + new String(mapped.body(), StandardCharsets.UTF_8));
        String status = "200";
        if (mapped.rendered()) {
            status = statusCode(new String(mapped.body(), StandardCharsets.UTF_8));
            if (status == null) {
                return Outcome.of(GatewayError.of(GatewayResponseType.API_CONFIGURATION_ERROR,
                        "the MOCK request template does not give a statusCode"));
            }
        }
        String selected = status;
        exchange.executionLog().add(() -> "Mock integration answered with status: " + selected);
        return ResponseMapping.map(exchange, integration, templates, binaryMediaTypes,
                new ResponseMapping.BackendAnswer(Integer.parseInt(status), Map.of(), new byte[0]), mapped.input());
    }

    /** The {@code statusCode} a rendered MOCK request template gives, as a string, or {@code null}. */
    static String statusCode(String rendered) {
        Matcher m = STATUS_CODE.matcher(rendered);
        return m.find() ? m.group(2) : null;
    }
}
