package dev.turnpike.runtime.integration;

import dev.turnpike.runtime.config.ConfigException;
import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.model.IntegrationType;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.pipeline.Exchange;
import dev.turnpike.runtime.pipeline.Outcome;
import dev.turnpike.runtime.response.GatewayError;
import dev.turnpike.runtime.response.GatewayResponseType;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@code AWS} integration with a service other than Lambda: the request is mapped as for {@code HTTP}
 * ({@code requestParameters}, request template or passthrough), sent to the service ({@link AwsServiceUri}) signed
 * with SigV4 for the uri's region and service, and the service's answer is mapped as for {@code HTTP}: the
 * integration response whose {@code selectionPattern} matches its status, then templates and parameters.
 * Services are reached at AWS's endpoints, or at {@code turnpike.aws.<service>.endpoint} (a local stack).
 */
final class AwsServiceIntegration implements IntegrationHandler, AutoCloseable {

    /** Overrides a service's endpoint: {@code turnpike.aws.<service>.endpoint}. */
    static final String ENDPOINT_PREFIX = "turnpike.aws.";
    private static final String ENDPOINT_SUFFIX = ".endpoint";
    /** Mapping these request headers is a configuration error on AWS: 500, as for {@code HTTP}. */
    private static final Set<String> UNMAPPABLE = Set.of("content-length", "transfer-encoding");

    private final HttpClient client;
    private final OriginLimits limits;
    private final PreparedTemplates templates;
    private final List<String> binaryMediaTypes;
    private final Map<String, String> endpoints;
    private final AwsServiceSigner signer;

    private AwsServiceIntegration(HttpClient client, OriginLimits limits, PreparedTemplates templates,
            List<String> binaryMediaTypes, Map<String, String> endpoints, AwsServiceSigner signer) {
        this.client = client;
        this.limits = limits;
        this.templates = templates;
        this.binaryMediaTypes = binaryMediaTypes;
        this.endpoints = endpoints;
        this.signer = signer;
    }

    /**
     * The integration for {@code api}. The SDK's signer is loaded only when the API has an AWS service
     * integration; then a missing SDK or a bad endpoint override fails start.
     */
    static AwsServiceIntegration create(GeneratedApi api, TurnpikeConfig config, HttpClient client,
            OriginLimits limits, PreparedTemplates templates) {
        List<String> problems = new ArrayList<>();
        Map<String, String> endpoints = endpoints(config, problems);
        Operation first = api.operations().stream().filter(o -> isAwsService(o.integration())).findFirst()
                .orElse(null);
        if (first != null) {
            String missing = AwsSdk.missing(AwsSdk.SIGNING, first + ": the AWS service integration "
                    + first.integration().uri());
            if (missing != null) {
                problems.add(missing);
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new AwsServiceIntegration(client, limits, templates, api.binaryMediaTypes(), endpoints,
                first == null ? null : new AwsServiceSigner());
    }

    private static boolean isAwsService(Integration integration) {
        return integration.type() == IntegrationType.AWS && !LambdaIntegration.isLambda(integration.uri());
    }

    /** Every {@code turnpike.aws.<service>.endpoint} by service, checked. Lambda's is read by its client. */
    private static Map<String, String> endpoints(TurnpikeConfig config, List<String> problems) {
        Map<String, String> endpoints = new HashMap<>();
        config.values().forEach((key, value) -> {
            if (key.startsWith(ENDPOINT_PREFIX) && key.endsWith(ENDPOINT_SUFFIX)) {
                String service = key.substring(ENDPOINT_PREFIX.length(), key.length() - ENDPOINT_SUFFIX.length());
                try {
                    URI uri = new URI(value.trim());
                    if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                            && uri.getRawQuery() == null) {
                        endpoints.put(service, value.trim());
                        return;
                    }
                } catch (URISyntaxException e) {
                    // reported below
                }
                problems.add(key + ": not an http or https URL without a query: '" + value + "'");
            }
        });
        return Map.copyOf(endpoints);
    }

    @Override
    public CompletableFuture<Outcome> invoke(Exchange exchange) {
        return RequestBodies.read(exchange.clientRequest()).handle((body, failure) -> {
            if (failure == null) {
                return call(exchange, body);
            }
            return completed(RequestBodies.readFailure(failure, GatewayResponseType.DEFAULT_4XX));
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
        AwsServiceUri service;
        try {
            service = AwsServiceUri.parse(integration.uri());
        } catch (IllegalArgumentException e) {
            return completed(GatewayError.of(GatewayResponseType.API_CONFIGURATION_ERROR, e.getMessage()));
        }
        Map<String, String> parameters = mapped.parameters();
        Map<String, String> pathValues = new HashMap<>(exchange.match().pathParameters());
        parameters.forEach((name, value) -> {
            if (name.startsWith("integration.request.path.")) {
                pathValues.put(name.substring("integration.request.path.".length()), value);
            }
        });
        pathValues.putAll(mapped.input().overrides().requestPath());
        String[] problem = new String[1];
        URI resolved = IntegrationUri.resolve(service.urlTemplate(endpoints), exchange, pathValues, problem);
        if (resolved == null) {
            return completed(GatewayError.of(GatewayResponseType.API_CONFIGURATION_ERROR, problem[0]));
        }
        URI target = withQuery(resolved, parameters, mapped.input().overrides().requestQuerystring());
        Map<String, String> headers = headers(exchange, service, parameters, mapped);
        for (String name : headers.keySet()) {
            if (UNMAPPABLE.contains(name.toLowerCase(Locale.ROOT))) {
                return completed(GatewayError.of(GatewayResponseType.API_CONFIGURATION_ERROR,
                        "the integration request header " + name + " cannot be mapped"));
            }
        }
        String method = integration.httpMethod() == null || integration.httpMethod().equals("ANY")
                ? exchange.clientRequest().method() : integration.httpMethod();
        byte[] body = mapped.body();
        return signer.sign(method, target, headers, body, service.region(), service.service())
                .handle((signedHeaders, failure) -> {
                    if (failure != null) {
                        return completed(GatewayError.of(GatewayResponseType.API_CONFIGURATION_ERROR,
                                "cannot sign the request to " + service.service() + " (AWS credentials from the"
                                        + " default provider chain): " + BackendCalls.cause(failure)));
                    }
                    return send(exchange, integration, mapped, target, method, signedHeaders, body);
                }).thenCompose(outcome -> outcome);
    }

    private CompletableFuture<Outcome> send(Exchange exchange, Integration integration, RequestMapping.Mapped mapped,
            URI target, String method, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofMillis(integration.timeoutInMillis()))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            headers.forEach(request::setHeader);
        } catch (IllegalArgumentException e) {
            return completed(GatewayError.of(GatewayResponseType.API_CONFIGURATION_ERROR,
                    "cannot build the request to the AWS service: " + e.getMessage()));
        }
        return BackendCalls.send(client, limits, target, null, uri -> request,
                        BoundedBodies.ofByteArray(RequestBodies.MAX_BYTES))
                .handle((response, failure) -> {
                    if (failure != null && !(BackendCalls.cause(failure) instanceof BoundedBodies.TooLarge)) {
                        return Outcome.of(BackendCalls.failureToError(failure, target));
                    }
                    if (failure != null || response.body() == null) {
                        return Outcome.of(GatewayError.of(GatewayResponseType.API_CONFIGURATION_ERROR,
                                "the service's response is over " + RequestBodies.MAX_BYTES + " bytes"));
                    }
                    Map<String, List<String>> responseHeaders = new LinkedHashMap<>(response.headers().map());
                    responseHeaders.keySet().removeIf(name -> name.startsWith(":"));
                    return ResponseMapping.map(exchange, integration, templates, binaryMediaTypes,
                            new ResponseMapping.BackendAnswer(response.statusCode(), responseHeaders,
                                    response.body()), mapped.input());
                });
    }

    /**
     * API Gateway's own headers ({@code Accept: application/json}, which makes query-protocol services answer in
     * JSON, its {@code User-Agent}, and a JSON-protocol service's {@code X-Amz-Target} for the action form), the
     * payload's {@code Content-Type}, then the mapped headers and {@code $context.requestOverride.header}, which
     * win. JSON-protocol services need their {@code Content-Type} mapped by the API, as on AWS.
     */
    private static Map<String, String> headers(Exchange exchange, AwsServiceUri service,
            Map<String, String> parameters, RequestMapping.Mapped mapped) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        headers.put("User-Agent", "AmazonAPIGateway_" + exchange.api().apiId());
        if (service.jsonTarget() != null) {
            headers.put("X-Amz-Target", service.jsonTarget());
        }
        if (mapped.contentType() != null && mapped.body().length > 0) {
            headers.put("Content-Type", mapped.contentType());
        }
        HttpIntegration.mapHeaders(headers, parameters, mapped);
        return headers;
    }

    /**
     * The uri's own query, then the mapped {@code integration.request.querystring.*} and the template's overrides,
     * encoded as SigV4 canonicalises them ({@code %20}, never {@code +}), so the signed query is the sent one.
     */
    private static URI withQuery(URI target, Map<String, String> parameters, Map<String, String> overrides) {
        return HttpIntegration.withQuery(target, parameters, overrides, AwsServiceIntegration::encode);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    private static CompletableFuture<Outcome> completed(GatewayError error) {
        return CompletableFuture.completedFuture(Outcome.of(error));
    }

    @Override
    public void close() {
        if (signer != null) {
            signer.close();
        }
    }
}
