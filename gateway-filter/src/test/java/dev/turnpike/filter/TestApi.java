package dev.turnpike.filter;

import dev.turnpike.runtime.model.ConnectionType;
import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.model.IntegrationResponse;
import dev.turnpike.runtime.model.IntegrationType;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.routing.RouteNode;
import java.util.List;

/** An API written the way the generator writes one: MOCK and HTTP_PROXY routes over a small resource tree. */
final class TestApi implements GeneratedApi {

    static final Operation PING = Operation.on("GET", "/ping")
            .integration(Integration.of(IntegrationType.MOCK)
                    .requestTemplate("application/json", "{\"statusCode\": 200}")
                    .response(IntegrationResponse.selecting("default", "200")
                            .responseParameter("method.response.header.X-Mocked", "'yes'")
                            .responseTemplate("application/json", "{\"pong\":true}").build())
                    .build())
            .build();

    static final Operation TEAPOT = Operation.on("GET", "/teapot")
            .integration(Integration.of(IntegrationType.MOCK)
                    .requestTemplate("application/json", "{\"statusCode\": 418}")
                    .response(IntegrationResponse.selecting("4\\d{2}", "418")
                            .responseTemplate("text/plain", "short and stout").build())
                    .response(IntegrationResponse.selecting("default", "200").build())
                    .build())
            .build();

    static final Operation ORDER = Operation.on("ANY", "/orders/{id}")
            .requestParameter("method.request.path.id", true)
            .integration(Integration.of(IntegrationType.HTTP_PROXY).httpMethod("ANY")
                    .uri("http://127.0.0.1:${stageVariables.port}/${stageVariables.base}/orders/{id}")
                    .requestParameter("integration.request.path.id", "method.request.path.id")
                    .requestParameter("integration.request.header.X-Stage", "context.stage")
                    .build())
            .build();

    static final Operation SLOW = Operation.on("GET", "/slow/{proxy+}")
            .integration(Integration.of(IntegrationType.HTTP_PROXY).httpMethod("GET")
                    .uri("http://127.0.0.1:${stageVariables.port}/sleep/{proxy}")
                    .timeoutInMillis(300)
                    .build())
            .build();

    static final Operation DOWN = Operation.on("GET", "/down")
            .integration(Integration.of(IntegrationType.HTTP_PROXY).httpMethod("GET")
                    .uri("http://127.0.0.1:${stageVariables.closedPort}/nothing")
                    .build())
            .build();

    /** A VPC link no turnpike.vpcLinks.<id>.targets names: AWS answers 500, and no backend is called. */
    static final Operation PRIVATE = Operation.on("GET", "/private")
            .integration(Integration.of(IntegrationType.HTTP_PROXY).httpMethod("GET")
                    .uri("http://127.0.0.1:${stageVariables.port}/private")
                    .connection(ConnectionType.VPC_LINK, "abc123")
                    .build())
            .build();

    private static final RouteNode ROUTES = RouteNode.resource("/")
            .literal("ping", RouteNode.resource("/ping").method(PING).build())
            .literal("teapot", RouteNode.resource("/teapot").method(TEAPOT).build())
            .literal("down", RouteNode.resource("/down").method(DOWN).build())
            .literal("private", RouteNode.resource("/private").method(PRIVATE).build())
            .literal("orders", RouteNode.resource("/orders")
                    .param("id", RouteNode.resource("/orders/{id}").method(ORDER).build())
                    .build())
            .literal("slow", RouteNode.resource("/slow")
                    .greedy("proxy", RouteNode.resource("/slow/{proxy+}").method(SLOW).build())
                    .build())
            .build();

    @Override
    public String name() {
        return "test";
    }

    @Override
    public String title() {
        return "Test API";
    }

    @Override
    public String deploymentId() {
        return "abcdef1234";
    }

    @Override
    public String source() {
        return "test.yaml";
    }

    @Override
    public RouteNode routes() {
        return ROUTES;
    }

    @Override
    public List<Operation> operations() {
        return List.of(PING, TEAPOT, ORDER, SLOW, DOWN, PRIVATE);
    }
}
