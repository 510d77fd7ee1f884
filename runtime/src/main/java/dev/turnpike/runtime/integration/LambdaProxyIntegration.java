package dev.turnpike.runtime.integration;

import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.pipeline.Exchange;
import dev.turnpike.runtime.pipeline.Outcome;
import dev.turnpike.runtime.response.GatewayError;
import dev.turnpike.runtime.response.GatewayResponseType;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * {@code AWS_PROXY} to a Lambda function, in process or remote: the whole request becomes the payload 1.0 event
 * ({@link ProxyEvent}), the function's result becomes the response ({@link ProxyResult}). As API Gateway: a
 * thrown error or a malformed result answers 502 {@code {"message": "Internal server error"}}, the integration
 * timeout 504, a throttled function 500, an unreachable Lambda endpoint an integration failure, and integration
 * {@code requestParameters} are ignored.
 */
final class LambdaProxyIntegration implements IntegrationHandler {

    private static final System.Logger LOG = System.getLogger(LambdaProxyIntegration.class.getName());

    private final LambdaFunctions functions;
    private final List<String> binaryMediaTypes;

    LambdaProxyIntegration(LambdaFunctions functions, List<String> binaryMediaTypes) {
        this.functions = functions;
        this.binaryMediaTypes = binaryMediaTypes;
    }

    @Override
    public CompletableFuture<Outcome> invoke(Exchange exchange) {
        Integration integration = exchange.operation().integration();
        if (integration.httpMethod() != null && !integration.httpMethod().equals("POST")) {
            // Recorded: Lambda is invoked with POST only; any other integration method is a configuration error.
            return configurationError("the integration httpMethod of a Lambda integration must be POST, not "
                    + integration.httpMethod());
        }
        LambdaFunctionUri.Function target;
        try {
            target = LambdaFunctionUri.parse(integration.uri(), exchange.stage().variables());
        } catch (IllegalArgumentException e) {
            return configurationError(e.getMessage());
        }
        LambdaFunction function = functions.get(target.name());
        if (function == null) {
            return configurationError("no handler for Lambda function '" + target.name() + "': set turnpike.lambda."
                    + target.name() + "=<handler class> or remote");
        }
        long deadline = exchange.startNanos() + integration.timeoutInMillis() * 1_000_000L;
        long[] sent = new long[1];
        return RequestBodies.read(exchange.clientRequest())
                .thenCompose(body -> {
                    JsonValue event = ProxyEvent.of(exchange, body, binaryMediaTypes);
                    LambdaContext context = new LambdaContext(UUID.randomUUID().toString(), target,
                            exchange.api().region(), exchange.api().accountId(), deadline);
                    long remaining = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                    sent[0] = LambdaCallLog.request(exchange, target, event);
                    return function.invoke(event, context, remaining);
                })
                .handle((result, failure) -> {
                    LambdaCallLog.response(exchange, sent[0], result, failure);
                    return failure == null ? mapped(exchange, result) : failed(exchange, target.name(), failure);
                });
    }

    private Outcome mapped(Exchange exchange, JsonValue result) {
        try {
            return Outcome.of(ProxyResult.map(result, exchange.clientRequest().headers().first("Accept"),
                    binaryMediaTypes));
        } catch (ProxyResult.Malformed e) {
            return Outcome.of(GatewayError.withStatus(GatewayResponseType.DEFAULT_5XX, 502,
                    "Execution failed due to configuration error: Malformed Lambda proxy response: " + e.getMessage()));
        }
    }

    private static Outcome failed(Exchange exchange, String function, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof TimeoutException) {
            return Outcome.of(GatewayError.of(GatewayResponseType.INTEGRATION_TIMEOUT,
                    "function " + function + " timed out"));
        }
        if (cause instanceof RequestBodies.TooLarge) {
            return Outcome.of(GatewayError.of(GatewayResponseType.REQUEST_TOO_LARGE, cause.getMessage()));
        }
        if (cause instanceof LambdaFunction.Throttled) {
            // Recorded by users of AWS: a throttled Lambda reaches the client as 500, not 429 (docs/features.md).
            LOG.log(System.Logger.Level.WARNING, () -> "request " + exchange.requestId() + ": " + cause.getMessage());
            return Outcome.of(GatewayError.withStatus(GatewayResponseType.DEFAULT_5XX, 500, cause.getMessage()));
        }
        if (cause instanceof LambdaFunction.Unreachable) {
            return Outcome.of(GatewayError.of(GatewayResponseType.INTEGRATION_FAILURE, cause.getMessage()));
        }
        LOG.log(System.Logger.Level.WARNING, "request " + exchange.requestId() + ": Lambda function " + function
                + " failed", cause instanceof InProcessFunction.FunctionError ? cause.getCause() : cause);
        return Outcome.of(GatewayError.withStatus(GatewayResponseType.DEFAULT_5XX, 502,
                "Lambda function " + function + " failed"));
    }

    private static CompletableFuture<Outcome> configurationError(String detail) {
        return CompletableFuture.completedFuture(
                Outcome.of(GatewayError.of(GatewayResponseType.API_CONFIGURATION_ERROR, detail)));
    }
}
