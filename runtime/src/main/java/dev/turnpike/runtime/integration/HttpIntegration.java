package dev.turnpike.runtime.integration;

import dev.turnpike.runtime.model.ConnectionType;
import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.pipeline.Exchange;
import dev.turnpike.runtime.pipeline.ExecutionLog;
import dev.turnpike.runtime.pipeline.Outcome;
import dev.turnpike.runtime.response.GatewayError;
import dev.turnpike.runtime.response.GatewayResponseType;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@code HTTP} (non-proxy): the request is mapped before it goes to the backend and the backend's answer is mapped
 * before it goes back, as API Gateway does. Both bodies are read whole (templates need them whole), up to AWS's
 * 10 MB. Request side: {@code requestParameters}, the request template chosen by {@code Content-Type} (or
 * passthrough per {@code passthroughBehavior}; else 415), {@code contentHandling}; the backend gets only the mapped
 * headers and query string plus API Gateway's own headers. Response side: {@link ResponseMapping}.
 */
final class HttpIntegration implements IntegrationHandler {

    /** Mapping these request headers is a configuration error on AWS: 500 (SEMANTICS.md §4). */
    private static final Set<String> UNMAPPABLE = Set.of("content-length", "transfer-encoding");
    /** Mapped, but never sent to an HTTP backend (SEMANTICS.md §4); the JDK client refuses the rest itself. */
    private static final Set<String> NOT_SENT = Set.of("proxy-authenticate", "te", "via", "expect", "connection",
            "upgrade", "host");

    private final BackendClients clients;
    private final OriginLimits limits;
    private final VpcLinks vpcLinks;
    private final PreparedTemplates templates;
    private final List<String> binaryMediaTypes;

    HttpIntegration(BackendClients clients, OriginLimits limits, VpcLinks vpcLinks, PreparedTemplates templates,
            List<String> binaryMediaTypes) {
        this.clients = clients;
        this.limits = limits;
        this.vpcLinks = vpcLinks;
        this.templates = templates;
        this.binaryMediaTypes = binaryMediaTypes;
    }

    @Override
    public CompletableFuture<Outcome> invoke(Exchange exchange) {
        return RequestBodies.read(exchange.clientRequest()).handle((body, failure) -> {
            if (failure == null) {
                return call(exchange, body);
            }
            return CompletableFuture.completedFuture(Outcome.of(
                    RequestBodies.readFailure(failure, GatewayResponseType.DEFAULT_4XX)));
        }).thenCompose(outcome -> outcome);
    }

    private CompletableFuture<Outcome> call(Exchange exchange, byte[] clientBody) {
        Integration integration = exchange.operation().integration();
        RequestMapping.Mapped mapped;
        try {
            mapped = RequestMapping.map(exchange, integration, templates, binaryMediaTypes, clientBody);
        } catch (RequestMapping.Refused refused) {
            return completed(refused.error());
        }

        Map<String, String> parameters = mapped.parameters();
        Map<String, String> pathValues = new HashMap<>(exchange.match().pathParameters());
        parameters.forEach((target, value) -> {
            if (target.startsWith("integration.request.path.")) {
                pathValues.put(target.substring("integration.request.path.".length()), value);
            }
        });
        pathValues.putAll(mapped.input().overrides().requestPath());
        String[] problem = new String[1];
        URI resolved = IntegrationUri.resolve(integration.uri(), exchange, pathValues, problem);
        if (resolved == null) {
            return completed(GatewayError.of(GatewayResponseType.API_CONFIGURATION_ERROR, problem[0]));
        }
        URI target = withQuery(resolved, parameters, mapped.input().overrides().requestQuerystring());
        Map<String, String> headers = backendHeaders(exchange, parameters, mapped);
        for (String name : headers.keySet()) {
            if (UNMAPPABLE.contains(name.toLowerCase(Locale.ROOT))) {
                return completed(GatewayError.of(GatewayResponseType.API_CONFIGURATION_ERROR,
                        "the integration request header " + name + " cannot be mapped"));
            }
        }
        VpcLinks.Link link = null;
        if (integration.connectionType() == ConnectionType.VPC_LINK) {
            link = vpcLinks.resolve(integration.connectionId(), exchange);
            if (link == null) {
                return completed(GatewayError.of(GatewayResponseType.API_CONFIGURATION_ERROR, "no VPC link '"
                        + integration.connectionId() + "': configure turnpike.vpcLinks.<id>.targets"));
            }
        }
        String method = integration.httpMethod() == null || integration.httpMethod().equals("ANY")
                ? exchange.clientRequest().method() : integration.httpMethod();
        byte[] body = mapped.body();
        try {
            request(target, method, integration, headers, body).build();
        } catch (IllegalArgumentException e) {
            return completed(GatewayError.of(GatewayResponseType.API_CONFIGURATION_ERROR,
                    "cannot build the backend request: " + e.getMessage()));
        }
        ExecutionLog log = exchange.executionLog();
        log.add(() -> "Endpoint request URI: " + target);
        log.add(() -> "Endpoint request headers: " + ExecutionLog.map(headers));
        log.add(() -> "Endpoint request body after transformations: " + new String(body, StandardCharsets.UTF_8));
        log.add(() -> "Sending request to " + target);
        long sent = System.nanoTime();
        return BackendCalls.send(clients.of(integration), limits, target, link,
                        uri -> request(uri, method, integration, headers, body),
                        BoundedBodies.ofByteArray(RequestBodies.MAX_BYTES))
                .handle((response, failure) -> {
                    if (failure != null && !(BackendCalls.cause(failure) instanceof BoundedBodies.TooLarge)) {
                        return Outcome.of(BackendCalls.failureToError(failure, target));
                    }
                    if (failure != null || response.body() == null) {
                        return Outcome.of(GatewayError.of(GatewayResponseType.API_CONFIGURATION_ERROR,
                                "the backend's response is over " + RequestBodies.MAX_BYTES + " bytes"));
                    }
                    logResponse(log, response.statusCode(), sent, responseHeaders(response), response.body());
                    return ResponseMapping.map(exchange, integration, templates, binaryMediaTypes,
                            new ResponseMapping.BackendAnswer(response.statusCode(), responseHeaders(response),
                                    response.body()), mapped.input());
                });
    }

    /** The endpoint response lines of an execution log, shared with the other integrations that read a body. */
    static void logResponse(ExecutionLog log, int status, long sentNanos, Map<String, List<String>> headers,
            byte[] body) {
        if (!log.enabled()) {
            return;
        }
        log.add("Received response. Status: " + status + ", Integration latency: "
                + (System.nanoTime() - sentNanos) / 1_000_000 + " ms");
        log.add("Endpoint response headers: " + ExecutionLog.multiMap(headers));
        log.add("Endpoint response body before transformations: " + new String(body, StandardCharsets.UTF_8));
    }

    private static HttpRequest.Builder request(URI target, String method, Integration integration,
            Map<String, String> headers, byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target)
                .timeout(Duration.ofMillis(integration.timeoutInMillis()))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(builder::setHeader);
        return builder;
    }

    /**
     * API Gateway's own headers ({@code Accept: application/json}, its {@code User-Agent}, the API id), the payload's
     * {@code Content-Type}, then the mapped headers and {@code $context.requestOverride.header}, which win.
     */
    private static Map<String, String> backendHeaders(Exchange exchange, Map<String, String> parameters,
            RequestMapping.Mapped mapped) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        headers.put("User-Agent", "AmazonAPIGateway_" + exchange.api().apiId());
        headers.put("X-Amzn-Apigateway-Api-Id", exchange.api().apiId());
        if (mapped.contentType() != null && mapped.body().length > 0) {
            headers.put("Content-Type", mapped.contentType());
        }
        mapHeaders(headers, parameters, mapped);
        return headers;
    }

    /**
     * Adds the mapped {@code integration.request.header.*} and {@code $context.requestOverride.header} to
     * {@code headers}, replacing a header of the same name; shared with AWS service integrations.
     */
    static void mapHeaders(Map<String, String> headers, Map<String, String> parameters, RequestMapping.Mapped mapped) {
        parameters.forEach((target, value) -> {
            if (target.startsWith("integration.request.header.")) {
                put(headers, target.substring("integration.request.header.".length()), value);
            }
        });
        mapped.input().overrides().requestHeaders().forEach((name, value) -> put(headers, name, value));
    }

    private static void put(Map<String, String> headers, String name, String value) {
        if (NOT_SENT.contains(name.toLowerCase(Locale.ROOT))) {
            return;
        }
        headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        headers.put(name, value);
    }

    /** The uri's own query, the mapped {@code integration.request.querystring.*} and the template's overrides. */
    private static URI withQuery(URI target, Map<String, String> parameters, Map<String, String> overrides) {
        return withQuery(target, parameters, overrides, text -> URLEncoder.encode(text, StandardCharsets.UTF_8));
    }

    /** The same, names and values written with {@code encode}; shared with AWS service integrations. */
    static URI withQuery(URI target, Map<String, String> parameters, Map<String, String> overrides,
            java.util.function.UnaryOperator<String> encode) {
        Map<String, String> values = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (name.startsWith("integration.request.querystring.")) {
                values.put(name.substring("integration.request.querystring.".length()), value);
            }
        });
        values.putAll(overrides);
        if (values.isEmpty()) {
            return target;
        }
        StringBuilder query = new StringBuilder(target.getRawQuery() == null ? "" : target.getRawQuery());
        values.forEach((name, value) -> {
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(encode.apply(name)).append('=').append(encode.apply(value));
        });
        String base = target.toString();
        int q = base.indexOf('?');
        return URI.create((q < 0 ? base : base.substring(0, q)) + "?" + query);
    }

    private static Map<String, List<String>> responseHeaders(HttpResponse<?> response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                headers.put(name, values);
            }
        });
        return headers;
    }

    private static CompletableFuture<Outcome> completed(GatewayError error) {
        return CompletableFuture.completedFuture(Outcome.of(error));
    }
}
