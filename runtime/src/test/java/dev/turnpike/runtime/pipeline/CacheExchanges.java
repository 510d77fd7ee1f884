package dev.turnpike.runtime.pipeline;

import dev.turnpike.runtime.auth.CallerIdentity;
import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.http.ClientRequest;
import dev.turnpike.runtime.routing.RouteNode;
import dev.turnpike.runtime.routing.Router;

/** Exchanges for the stage cache's unit tests: stage and route selected on the test's own routes. */
public final class CacheExchanges {

    private CacheExchanges() {
    }

    /** {@code request} on {@code routes}, stage and route selected; {@code caller} the IAM caller or {@code null}. */
    public static Exchange exchange(TurnpikeConfig config, RouteNode routes, ClientRequest request,
            CallerIdentity caller) {
        Exchange exchange = new Exchange(request, new ApiIdentity("abc1234567", config.accountId(), config.region(),
                "dep1234567"), Gateway.requestId(), "x", 0L, 0L);
        if (new StageSelection(config.stages()).select(exchange) != null
                || new RouteSelection(new Router(routes)).select(exchange) != null) {
            throw new IllegalArgumentException("no stage or route for " + request.path());
        }
        if (caller != null) {
            exchange.caller(caller);
        }
        return exchange;
    }

    /** The same, as a canary request (or not). */
    public static Exchange canary(Exchange exchange, boolean canary) {
        exchange.canaryRequest(canary);
        return exchange;
    }
}
