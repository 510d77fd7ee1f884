package dev.turnpike.runtime.pipeline;

import dev.turnpike.runtime.response.GatewayError;
import dev.turnpike.runtime.response.GatewayResponseType;
import dev.turnpike.runtime.routing.RouteMatch;
import dev.turnpike.runtime.routing.Router;

/**
 * Picks the resource and method. An unknown path or a method the resource lacks is, as in API Gateway, 403
 * {@code Missing Authentication Token}: an API does not reveal which resources exist.
 */
final class RouteSelection {

    private final Router router;

    RouteSelection(Router router) {
        this.router = router;
    }

    GatewayError select(Exchange exchange) {
        RouteMatch match = router.match(exchange.pathBelowStage(), exchange.clientRequest().method());
        if (match == null || match.operation() == null) {
            return GatewayError.of(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN,
                    "no route for " + exchange.clientRequest().method() + " " + exchange.pathBelowStage());
        }
        exchange.match(match);
        return null;
    }
}
