package dev.turnpike.benchmarks.load;

import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.model.IntegrationResponse;
import dev.turnpike.runtime.model.IntegrationType;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.routing.RouteNode;
import java.util.List;

/**
 * The API the load harness serves, as the generator would write it. Every method answers {@link LoadTargets#BODY}:
 * <ul>
 *   <li>{@code GET /mock}: MOCK, its response template the body itself;</li>
 *   <li>{@code GET /proxy}: HTTP_PROXY to the backend, nothing else;</li>
 *   <li>{@code GET /keyed}: HTTP_PROXY wanting an API key (so the usage plan meters and throttles it) and mapping
 *       two request parameters, the only request mapping HTTP_PROXY applies;</li>
 *   <li>{@code GET /templated}: HTTP (non-proxy) wanting an API key, its request template rendered into the body
 *       of a {@code POST} to the backend, whose response passes through the default integration response.
 *       API Gateway applies request templates to non-proxy integrations only, so this is the row where one
 *       costs anything.</li>
 * </ul>
 */
final class LoadApi implements GeneratedApi {

    static final String REQUEST_TEMPLATE = """
            {"caller": "$context.identity.sourceIp", "requestId": "$context.requestId", "stage": "$context.stage",\
             "key": "$context.identity.apiKeyId", "agent": "$util.escapeJavaScript($input.params('User-Agent'))"}""";

    private final List<Operation> operations;
    private final RouteNode routes;

    LoadApi(String backend) {
        Operation mock = Operation.on("GET", "/mock")
                .integration(Integration.of(IntegrationType.MOCK)
                        .requestTemplate("application/json", "{\"statusCode\": 200}")
                        .response(IntegrationResponse.selecting("default", "200")
                                .responseTemplate("application/json", LoadTargets.BODY).build())
                        .build())
                .build();
        Operation proxy = Operation.on("GET", "/proxy")
                .integration(Integration.of(IntegrationType.HTTP_PROXY).httpMethod("GET").uri(backend + "/").build())
                .build();
        Operation keyed = Operation.on("GET", "/keyed").apiKeyRequired(true)
                .integration(Integration.of(IntegrationType.HTTP_PROXY).httpMethod("GET").uri(backend + "/")
                        .requestParameter("integration.request.header.X-Caller", "context.identity.sourceIp")
                        .requestParameter("integration.request.header.X-Stage", "'bench'")
                        .build())
                .build();
        Operation templated = Operation.on("GET", "/templated").apiKeyRequired(true)
                .integration(Integration.of(IntegrationType.HTTP).httpMethod("POST").uri(backend + "/")
                        .requestTemplate("application/json", REQUEST_TEMPLATE)
                        .response(IntegrationResponse.selecting("default", "200").build())
                        .build())
                .build();
        this.operations = List.of(mock, proxy, keyed, templated);
        this.routes = RouteNode.resource("/")
                .literal("mock", RouteNode.resource("/mock").method(mock).build())
                .literal("proxy", RouteNode.resource("/proxy").method(proxy).build())
                .literal("keyed", RouteNode.resource("/keyed").method(keyed).build())
                .literal("templated", RouteNode.resource("/templated").method(templated).build())
                .build();
    }

    @Override
    public String name() {
        return "load";
    }

    @Override
    public String title() {
        return "load";
    }

    @Override
    public String deploymentId() {
        return "load000001";
    }

    @Override
    public String source() {
        return "LoadApi";
    }

    @Override
    public RouteNode routes() {
        return routes;
    }

    @Override
    public List<Operation> operations() {
        return operations;
    }
}
