package dev.turnpike.runtime.integration;

import dev.turnpike.runtime.http.ClientRequest;
import dev.turnpike.runtime.http.Headers;
import dev.turnpike.runtime.model.ConnectionType;
import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.pipeline.Exchange;
import dev.turnpike.runtime.pipeline.ExecutionLog;
import dev.turnpike.runtime.pipeline.MethodResponse;
import dev.turnpike.runtime.pipeline.Outcome;
import dev.turnpike.runtime.response.GatewayError;
import dev.turnpike.runtime.response.GatewayResponseType;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * {@code HTTP_PROXY}: the client's request goes to the resolved integration uri and the backend's response comes
 * back as it is, both bodies streamed. Method, path parameters, query string, headers and body are forwarded as
 * API Gateway forwards them; {@code timeoutInMillis} bounds the wait for the backend's response headers.
 */
final class HttpProxyIntegration implements IntegrationHandler {

    /**
     * Request headers not forwarded: hop-by-hop fields, those the client connection sets itself, and those AWS
     * was recorded dropping (shared/conformance/lambda-events/rest-v1.proxy-event.regional-header-filtering.json).
     */
    static final Set<String> REQUEST_HEADERS_DROPPED = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host",
            "content-length", "expect", "max-forwards", "content-md5", "server", "www-authenticate",
            "x-forwarded-for", "x-forwarded-port", "x-forwarded-proto");

    /** Response headers not passed back: hop-by-hop fields; the container frames the response itself. */
    static final Set<String> RESPONSE_HEADERS_DROPPED = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "te", "trailer", "transfer-encoding", "upgrade");

    private final BackendClients clients;
    private final OriginLimits limits;
    private final VpcLinks vpcLinks;

    HttpProxyIntegration(BackendClients clients, OriginLimits limits, VpcLinks vpcLinks) {
        this.clients = clients;
        this.limits = limits;
        this.vpcLinks = vpcLinks;
    }

    @Override
    public CompletableFuture<Outcome> invoke(Exchange exchange) {
        Integration integration = exchange.operation().integration();
        QueryString query = QueryString.parse(exchange.clientRequest().rawQuery());
        Map<String, String> mapped = mappedParameters(integration, exchange, query);

        String[] problem = new String[1];
        URI target = IntegrationUri.resolve(integration.uri(), exchange, pathValues(mapped, exchange), problem);
        if (target == null) {
            return CompletableFuture.completedFuture(
                    Outcome.of(GatewayError.of(GatewayResponseType.API_CONFIGURATION_ERROR, problem[0])));
        }
        VpcLinks.Link link = null;
        if (integration.connectionType() == ConnectionType.VPC_LINK) {
            link = vpcLinks.resolve(integration.connectionId(), exchange);
            if (link == null) {
                return CompletableFuture.completedFuture(Outcome.of(GatewayError.of(
                        GatewayResponseType.API_CONFIGURATION_ERROR, "no VPC link '" + integration.connectionId()
                                + "': configure turnpike.vpcLinks.<id>.targets")));
            }
        }
        URI withQuery = withQuery(target, exchange, mapped);
        try {
            backendRequest(exchange, integration, withQuery, mapped).build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(Outcome.of(GatewayError.of(
                    GatewayResponseType.API_CONFIGURATION_ERROR, "cannot build the backend request: " + e.getMessage())));
        }
        ExecutionLog log = exchange.executionLog();
        log.add(() -> "Endpoint request URI: " + withQuery);
        log.add(() -> "Endpoint request headers: " + ExecutionLog.multiMap(
                backendRequest(exchange, integration, withQuery, mapped).build().headers().map()));
        log.add("Endpoint request body after transformations: [passed through as received]");
        log.add(() -> "Sending request to " + withQuery);
        long sent = System.nanoTime();
        return BackendCalls.send(clients.of(integration), limits, withQuery, link,
                        uri -> backendRequest(exchange, integration, uri, mapped),
                        HttpResponse.BodyHandlers.ofPublisher())
                .handle((backendResponse, failure) -> {
                    if (failure != null) {
                        return Outcome.of(BackendCalls.failureToError(failure, target));
                    }
                    log.add(() -> "Received response. Status: " + backendResponse.statusCode()
                            + ", Integration latency: " + (System.nanoTime() - sent) / 1_000_000 + " ms");
                    log.add(() -> "Endpoint response headers: " + ExecutionLog.multiMap(backendResponse.headers().map()));
                    return Outcome.of(clientResponse(backendResponse));
                });
    }

    /** Every {@code integration.request.*} target with its value for this request; unset sources are left out. */
    private static Map<String, String> mappedParameters(Integration integration, Exchange exchange,
            QueryString query) {
        Map<String, String> mapped = new HashMap<>();
        for (Map.Entry<String, String> p : integration.requestParameters().entrySet()) {
            String value = ParameterSources.evaluate(p.getValue(), exchange, query);
            if (value != null) {
                mapped.put(p.getKey(), value);
            }
        }
        return mapped;
    }

    /**
     * Values for the uri's {@code {name}} placeholders: the explicit path mappings, falling back to the method's
     * path parameter of the same name (definitions often leave that mapping implicit).
     */
    private static Map<String, String> pathValues(Map<String, String> mapped, Exchange exchange) {
        Map<String, String> values = new HashMap<>(exchange.match().pathParameters());
        mapped.forEach((target, value) -> {
            if (target.startsWith("integration.request.path.")) {
                values.put(target.substring("integration.request.path.".length()), value);
            }
        });
        return values;
    }

    /** The client's query string as sent, plus any {@code integration.request.querystring.*} mappings. */
    private static URI withQuery(URI target, Exchange exchange, Map<String, String> mapped) {
        StringBuilder query = new StringBuilder();
        appendQuery(query, target.getRawQuery());
        appendQuery(query, exchange.clientRequest().rawQuery());
        mapped.forEach((name, value) -> {
            if (name.startsWith("integration.request.querystring.")) {
                appendQuery(query, URLEncoder.encode(name.substring("integration.request.querystring.".length()),
                        StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        if (query.length() == 0) {
            return target;
        }
        String base = target.toString();
        int q = base.indexOf('?');
        return URI.create((q < 0 ? base : base.substring(0, q)) + "?" + query);
    }

    private static void appendQuery(StringBuilder query, String part) {
        if (part != null && !part.isEmpty()) {
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(part);
        }
    }

    private static HttpRequest.Builder backendRequest(Exchange exchange, Integration integration, URI target,
            Map<String, String> mapped) {
        ClientRequest clientRequest = exchange.clientRequest();
        String method = integration.httpMethod() == null || integration.httpMethod().equals("ANY")
                ? clientRequest.method() : integration.httpMethod();
        HttpRequest.Builder builder = HttpRequest.newBuilder(target)
                .timeout(Duration.ofMillis(integration.timeoutInMillis()))
                .method(method, requestBody(clientRequest));
        clientRequest.headers().forEach((name, value) -> {
            if (!REQUEST_HEADERS_DROPPED.contains(name.toLowerCase(Locale.ROOT))) {
                builder.header(name, value);
            }
        });
        mapped.forEach((name, value) -> {
            if (name.startsWith("integration.request.header.")) {
                builder.setHeader(name.substring("integration.request.header.".length()), value);
            }
        });
        String forwardedFor = clientRequest.headers().first("X-Forwarded-For");
        builder.setHeader("X-Forwarded-For", forwardedFor == null || forwardedFor.isBlank()
                ? clientRequest.remoteAddress() : forwardedFor + ", " + clientRequest.remoteAddress());
        builder.setHeader("X-Forwarded-Proto", "https");
        builder.setHeader("X-Forwarded-Port", Integer.toString(clientRequest.localPort()));
        return builder;
    }

    /** The client's body, streamed; none when the request declares none. */
    private static HttpRequest.BodyPublisher requestBody(ClientRequest clientRequest) {
        long length = clientRequest.contentLength();
        if (length == 0 || (length < 0 && !clientRequest.headers().contains("Transfer-Encoding"))) {
            return HttpRequest.BodyPublishers.noBody();
        }
        Flow.Publisher<ByteBuffer> body = clientRequest.body();
        return length > 0 ? HttpRequest.BodyPublishers.fromPublisher(body, length)
                : HttpRequest.BodyPublishers.fromPublisher(body);
    }

    private static MethodResponse clientResponse(HttpResponse<Flow.Publisher<List<ByteBuffer>>> backendResponse) {
        Headers headers = new Headers();
        backendResponse.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":") && !RESPONSE_HEADERS_DROPPED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> headers.add(name, v));
            }
        });
        return new MethodResponse(backendResponse.statusCode(), headers, backendResponse.body());
    }
}
