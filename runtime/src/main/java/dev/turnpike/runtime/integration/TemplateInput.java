package dev.turnpike.runtime.integration;

import dev.turnpike.runtime.pipeline.Exchange;
import dev.turnpike.runtime.template.TemplateOverrides;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What one mapping template sees: the payload ({@code $input.body}), the method request's parameters
 * ({@code $input.params()}), the stage's variables, {@code $context} and, for a response template, the integration
 * response. {@code overrides} is what templates write ({@code $context.requestOverride}, {@code responseOverride}):
 * one per client request, shared by its request and response templates.
 *
 * @param integrationStatus the backend's status for a response template, 0 for a request template
 */
record TemplateInput(
        String body,
        Map<String, String> pathParameters,
        Map<String, List<String>> queryParameters,
        Map<String, List<String>> headers,
        Map<String, String> stageVariables,
        Map<String, Object> context,
        int integrationStatus,
        Map<String, List<String>> integrationHeaders,
        TemplateOverrides overrides) {

    /**
     * Request headers templates never see (their value is empty even when sent), as recorded on AWS
     * (SEMANTICS.md §2.8).
     */
    static final Set<String> HIDDEN_HEADERS = Set.of("connection", "content-md5", "expect", "max-forwards",
            "proxy-authenticate", "server", "te", "trailer", "transfer-encoding", "upgrade", "www-authenticate");

    /** The input of a request template: the method request with this body, and a fresh {@code $context}. */
    static TemplateInput forRequest(Exchange exchange, String body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.clientRequest().headers().forEach((name, value) -> {
            if (!HIDDEN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                headers.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
            }
        });
        QueryString query = QueryString.parse(exchange.clientRequest().rawQuery());
        return new TemplateInput(body, exchange.match().pathParameters(), query.asMap(), headers,
                exchange.stage().variables(), ContextVariables.of(exchange), 0, Map.of(), new TemplateOverrides());
    }

    TemplateInput withIntegrationResponse(String body, int status, Map<String, List<String>> headers) {
        return new TemplateInput(body, pathParameters, queryParameters, this.headers, stageVariables, context, status,
                headers, overrides);
    }
}
