package dev.turnpike.it;

import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.routing.RouteNode;
import java.util.List;

/** A hand-built API of a few operations, for tests that need a route or two and no definition file. */
record SmallApi(String name, RouteNode routes, List<Operation> operations) implements GeneratedApi {

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
