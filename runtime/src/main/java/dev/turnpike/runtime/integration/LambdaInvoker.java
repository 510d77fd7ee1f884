package dev.turnpike.runtime.integration;

import dev.turnpike.runtime.pipeline.Exchange;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * Calls a Lambda function for something other than an integration: Lambda authorizers. Same functions, in process
 * or remote, with the same threads and concurrency limits as the integrations use.
 */
public final class LambdaInvoker {

    /** Why a call failed, in the terms the caller answers by. */
    public enum FailureKind {
        /** No function is bound to the uri, or the uri names none. */
        CONFIGURATION,
        /** The function did not answer in time. */
        TIMEOUT,
        /** Every permit of the function's concurrency is taken. */
        THROTTLED,
        /** The function threw; {@link Failure#getMessage()} is the error's message, as Lambda reports it. */
        FUNCTION_ERROR,
        /** Lambda's endpoint did not answer (a remote function). */
        UNREACHABLE
    }

    /** A failed call. */
    public static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final FailureKind kind;

        Failure(FailureKind kind, String message, Throwable cause) {
            super(message, cause, false, false);
            this.kind = kind;
        }

        public FailureKind kind() {
            return kind;
        }
    }

    private final LambdaFunctions functions;
    private final List<String> binaryMediaTypes;

    LambdaInvoker(LambdaFunctions functions, List<String> binaryMediaTypes) {
        this.functions = functions;
        this.binaryMediaTypes = binaryMediaTypes;
    }

    /**
     * Runs the function of {@code uri} ({@code ${stageVariables.x}} resolved for the exchange's stage) with
     * {@code event}; completes with its JSON result or fails with a {@link Failure}.
     */
    public CompletableFuture<JsonValue> invoke(String uri, Exchange exchange, JsonValue event, long timeoutMillis) {
        return invoke(uri, exchange.stage().variables(), exchange.api().region(), exchange.api().accountId(), event,
                timeoutMillis);
    }

    /**
     * {@link #invoke(String, Exchange, JsonValue, long)} outside a REST exchange (WebSocket routes): the stage's
     * variables, region and account given as they are.
     */
    public CompletableFuture<JsonValue> invoke(String uri, Map<String, String> stageVariables, String region,
            String accountId, JsonValue event, long timeoutMillis) {
        LambdaFunctionUri.Function target;
        try {
            target = LambdaFunctionUri.parse(uri, stageVariables);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new Failure(FailureKind.CONFIGURATION, e.getMessage(), null));
        }
        LambdaFunction function = functions.get(target.name());
        if (function == null) {
            return CompletableFuture.failedFuture(new Failure(FailureKind.CONFIGURATION, "no handler for Lambda"
                    + " function '" + target.name() + "': set turnpike.lambda." + target.name()
                    + "=<handler class> or remote", null));
        }
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        LambdaContext context = new LambdaContext(UUID.randomUUID().toString(), target, region, accountId, deadline);
        CompletableFuture<JsonValue> result = new CompletableFuture<>();
        function.invoke(event, context, timeoutMillis).whenComplete((value, failure) -> {
            if (failure == null) {
                result.complete(value);
            } else {
                result.completeExceptionally(failure(target.name(), failure));
            }
        });
        return result;
    }

    private static Failure failure(String function, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof TimeoutException) {
            return new Failure(FailureKind.TIMEOUT, "function " + function + " timed out", cause);
        }
        if (cause instanceof LambdaFunction.Throttled) {
            return new Failure(FailureKind.THROTTLED, cause.getMessage(), cause);
        }
        if (cause instanceof LambdaFunction.Unreachable) {
            return new Failure(FailureKind.UNREACHABLE, cause.getMessage(), cause);
        }
        if (cause instanceof LambdaFunction.FunctionError functionError) {
            return new Failure(FailureKind.FUNCTION_ERROR, functionError.errorMessage(),
                    cause.getCause() != null ? cause.getCause() : cause);
        }
        return new Failure(FailureKind.FUNCTION_ERROR, cause.getMessage(), cause);
    }

    /**
     * A REQUEST authorizer's event: the Lambda proxy event of the request without its body, with {@code type} and
     * {@code methodArn} in front.
     */
    public JsonObject requestAuthorizerEvent(Exchange exchange, String methodArn) {
        JsonObjectBuilder event = Json.createObjectBuilder().add("type", "REQUEST").add("methodArn", methodArn);
        for (Map.Entry<String, JsonValue> field : ProxyEvent.of(exchange, new byte[0], binaryMediaTypes)
                .asJsonObject().entrySet()) {
            if (!field.getKey().equals("body") && !field.getKey().equals("isBase64Encoded")) {
                event.add(field.getKey(), field.getValue());
            }
        }
        return event.build();
    }
}
