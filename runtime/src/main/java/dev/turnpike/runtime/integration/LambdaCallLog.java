package dev.turnpike.runtime.integration;

import dev.turnpike.runtime.pipeline.Exchange;
import dev.turnpike.runtime.pipeline.ExecutionLog;
import jakarta.json.JsonValue;

/** The endpoint lines of an execution log for a Lambda call, as API Gateway writes them for its Invoke request. */
final class LambdaCallLog {

    private LambdaCallLog() {
    }

    /** Logs the request and returns when it was sent. */
    static long request(Exchange exchange, LambdaFunctionUri.Function target, JsonValue event) {
        ExecutionLog log = exchange.executionLog();
        if (log.enabled()) {
            String uri = "https://lambda." + exchange.api().region() + ".amazonaws.com/2015-03-31/functions/arn:aws:"
                    + "lambda:" + exchange.api().region() + ":" + exchange.api().accountId() + ":function:"
                    + target.name() + (target.qualifier() == null ? "" : ":" + target.qualifier()) + "/invocations";
            log.add("Endpoint request URI: " + uri);
            log.add("Endpoint request body after transformations: " + event);
            log.add("Sending request to " + uri);
        }
        return System.nanoTime();
    }

    static void response(Exchange exchange, long sentNanos, JsonValue result, Throwable failure) {
        ExecutionLog log = exchange.executionLog();
        if (!log.enabled()) {
            return;
        }
        long latency = (System.nanoTime() - sentNanos) / 1_000_000;
        if (failure != null) {
            log.add("Lambda invocation failed after " + latency + " ms: " + failure);
            return;
        }
        log.add("Received response. Status: 200, Integration latency: " + latency + " ms");
        log.add("Endpoint response body before transformations: " + result);
    }
}
