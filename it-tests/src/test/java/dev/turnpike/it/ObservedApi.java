package dev.turnpike.it;

import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.model.IntegrationResponse;
import dev.turnpike.runtime.model.IntegrationType;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.routing.RouteNode;
import java.util.List;

/**
 * The API of the metrics and access log tests: {@code GET /pets} and {@code GET /pets/{petId}} answer 200 from MOCK,
 * {@code GET /limited} is throttled by the stage's method settings, {@code GET /down} calls an HTTP backend that
 * is not listening (stage variable {@code backend}).
 */
final class ObservedApi implements GeneratedApi {

    static final Operation PETS = Operation.on("GET", "/pets").integration(mock()).build();
    static final Operation PET = Operation.on("GET", "/pets/{petId}")
            .requestParameter("method.request.path.petId", true).integration(mock()).build();
    static final Operation LIMITED = Operation.on("GET", "/limited").integration(mock()).build();
    static final Operation DOWN = Operation.on("GET", "/down")
            .integration(Integration.of(IntegrationType.HTTP).httpMethod("GET")
                    .uri("http://${stageVariables.backend}/down")
                    .response(IntegrationResponse.selecting("default", "200").build())
                    .build())
            .build();

    private static Integration mock() {
        return Integration.of(IntegrationType.MOCK)
                .requestTemplate("application/json", "{\"statusCode\": 200}")
                .response(IntegrationResponse.selecting("default", "200")
                        .responseTemplate("application/json", "{\"ok\": true}").build())
                .build();
    }

    @Override
    public String name() {
        return "observed";
    }

    @Override
    public String title() {
        return "Observed Pets";
    }

    @Override
    public String deploymentId() {
        return "obs1234567";
    }

    @Override
    public String source() {
        return "ObservedApi";
    }

    @Override
    public RouteNode routes() {
        return RouteNode.resource("/")
                .literal("pets", RouteNode.resource("/pets").method(PETS)
                        .param("petId", RouteNode.resource("/pets/{petId}").method(PET).build()).build())
                .literal("limited", RouteNode.resource("/limited").method(LIMITED).build())
                .literal("down", RouteNode.resource("/down").method(DOWN).build())
                .build();
    }

    @Override
    public List<Operation> operations() {
        return List.of(PETS, PET, LIMITED, DOWN);
    }
}
