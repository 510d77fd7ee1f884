package dev.turnpike.it;

import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.model.IntegrationResponse;
import dev.turnpike.runtime.model.IntegrationType;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.routing.RouteNode;
import java.util.List;

/**
 * The API of the throttling tests, as the generator would write it: {@code GET /metered} wants an API key (so usage
 * plans meter it), {@code GET /limited} is open (stage method settings throttle it). Both answer 200 from MOCK.
 */
final class ThrottlingApi implements GeneratedApi {

    private final List<Operation> operations;
    private final RouteNode routes;

    ThrottlingApi() {
        Operation metered = Operation.on("GET", "/metered").apiKeyRequired(true).integration(mock("metered")).build();
        Operation limited = Operation.on("GET", "/limited").integration(mock("limited")).build();
        this.operations = List.of(metered, limited);
        this.routes = RouteNode.resource("/")
                .literal("metered", RouteNode.resource("/metered").method(metered).build())
                .literal("limited", RouteNode.resource("/limited").method(limited).build())
                .build();
    }

    private static Integration mock(String body) {
        return Integration.of(IntegrationType.MOCK)
                .requestTemplate("application/json", "{\"statusCode\": 200}")
                .response(IntegrationResponse.selecting("default", "200")
                        .responseTemplate("application/json", body).build())
                .build();
    }

    @Override
    public String name() {
        return "throttling";
    }

    @Override
    public String title() {
        return "throttling";
    }

    @Override
    public String deploymentId() {
        return "thr1234567";
    }

    @Override
    public String source() {
        return "ThrottlingApi";
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
