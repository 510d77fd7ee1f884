package dev.turnpike.it;

import dev.turnpike.runtime.model.GatewayResponseSpec;
import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.response.GatewayResponseType;
import dev.turnpike.runtime.routing.RouteNode;
import java.util.List;
import java.util.Map;

/** A hand-built API of a few operations, for tests that need a route or two and no definition file. */
record SmallApi(String name, RouteNode routes, List<Operation> operations,
        Map<GatewayResponseType, GatewayResponseSpec> gatewayResponses) implements GeneratedApi {

    SmallApi(String name, RouteNode routes, List<Operation> operations) {
        this(name, routes, operations, Map.of());
    }

    @Override
    public String title() {
        return name;
    }

    @Override
    public String deploymentId() {
        return name + "0001";
    }

    @Override
    public String source() {
        return name;
    }
}
