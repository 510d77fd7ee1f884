package dev.turnpike.runtime.pipeline;

import dev.turnpike.runtime.http.Bodies;
import dev.turnpike.runtime.http.ClientRequest;
import dev.turnpike.runtime.http.Headers;
import dev.turnpike.runtime.integration.QueryString;
import dev.turnpike.runtime.integration.RequestBodies;
import dev.turnpike.runtime.response.GatewayError;
import dev.turnpike.runtime.response.GatewayResponseType;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The first lines of an execution log, the method request as API Gateway logs it, and the dry run's stop before
 * the integration. Only a recorded log reads the body here (once, then replayed).
 */
final class MethodRequestLog {

    private MethodRequestLog() {
    }

    static CompletableFuture<GatewayError> write(Exchange exchange) {
        ExecutionLog log = exchange.executionLog();
        ClientRequest request = exchange.clientRequest();
        log.add("Starting execution for request: " + exchange.requestId());
        log.add("HTTP Method: " + request.method() + ", Resource Path: " + exchange.pathBelowStage());
        log.add("Method request path: " + ExecutionLog.map(exchange.match().pathParameters()));
        Map<String, String> query = new LinkedHashMap<>();
        QueryString.parse(request.rawQuery()).asMap().forEach((name, values) ->
                query.put(name, values.get(values.size() - 1)));
        log.add("Method request query string: " + ExecutionLog.map(query));
        log.add("Method request headers: " + ExecutionLog.map(headers(request.headers())));
        return RequestBodies.read(request).handle((body, failure) -> {
            if (failure != null) {
                return GatewayError.of(GatewayResponseType.DEFAULT_4XX, "reading the body failed: " + failure);
            }
            exchange.clientRequest(new ReplayedRequest(request, body));
            log.add("Method request body before transformations: " + new String(body, StandardCharsets.UTF_8));
            return null;
        });
    }

    /** A dry run answers 200 with no body where the integration would have been called. */
    static CompletableFuture<Outcome> dryRun(Exchange exchange) {
        exchange.executionLog().add("Dry run: the " + exchange.operation().integration().type()
                + " integration is not called");
        return CompletableFuture.completedFuture(Outcome.of(new MethodResponse(200, new Headers(),
                Bodies.of(new byte[0]))));
    }

    /** Headers as AWS's log shows them: each name once, with its values joined by commas. */
    static Map<String, String> headers(Headers headers) {
        Map<String, String> map = new LinkedHashMap<>();
        headers.forEach((name, value) -> map.merge(name, value, (a, b) -> a + "," + b));
        return map;
    }
}
