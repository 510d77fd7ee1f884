package dev.turnpike.runtime.pipeline;

import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.http.ClientRequest;
import dev.turnpike.runtime.http.Headers;
import dev.turnpike.runtime.http.InMemoryRequest;
import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.model.IntegrationType;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.routing.RouteNode;
import dev.turnpike.runtime.routing.Router;

/** Exchanges for unit tests of single steps: a GET on {@code /{proxy+}}, stage and route already selected. */
public final class ExchangeFixture {

    private ExchangeFixture() {
    }

    public static Exchange matched(TurnpikeConfig config, String path) {
        Operation any = Operation.on("ANY", "/{proxy+}").integration(Integration.of(IntegrationType.MOCK).build()).build();
        RouteNode root = RouteNode.resource("/").greedy("proxy", RouteNode.resource("/{proxy+}").method(any).build())
                .build();
        Exchange exchange = new Exchange(request("GET", path), new ApiIdentity("abc1234567", config.accountId(),
                config.region(), "dep1234567"), Gateway.requestId(), "x", 0L, 0L);
        if (new StageSelection(config.stages()).select(exchange) != null
                || new RouteSelection(new Router(root)).select(exchange) != null) {
            throw new IllegalArgumentException("no stage or route for " + path);
        }
        return exchange;
    }

    public static ClientRequest request(String method, String path) {
        return request(method, path, null, new Headers());
    }

    /** A secure request without a body, with this query string (or {@code null}) and these headers. */
    public static ClientRequest request(String method, String path, String rawQuery, Headers headers) {
        return new InMemoryRequest(method, path, rawQuery, headers, new byte[0]);
    }
}
