package dev.turnpike.runtime.integration;

import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.pipeline.Exchange;
import dev.turnpike.runtime.pipeline.Outcome;
import dev.turnpike.runtime.response.GatewayError;
import dev.turnpike.runtime.response.GatewayResponseType;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * {@code AWS} (custom, non-proxy) integration with a Lambda function, in process or remote: the request is mapped as for
 * {@code HTTP} ({@code requestParameters} aside, which Lambda has no place for; request template or passthrough)
 * and the payload, which must be JSON, is the function's event. A function that returns answers through the
 * default integration response; one that throws gives Lambda's error payload ({@code errorMessage},
 * {@code errorType}, {@code stackTrace}), and {@code selectionPattern}s are matched against its
 * {@code errorMessage} (AWS's rule for Lambda; for HTTP they match the status). Response templates and
 * {@code responseParameters} apply as for {@code HTTP}.
 */
final class LambdaIntegration implements IntegrationHandler {

    private final LambdaFunctions functions;
    private final PreparedTemplates templates;
    private final List<String> binaryMediaTypes;

    LambdaIntegration(LambdaFunctions functions, PreparedTemplates templates, List<String> binaryMediaTypes) {
        this.functions = functions;
        this.templates = templates;
        this.binaryMediaTypes = binaryMediaTypes;
    }

    /** Whether {@code uri} is a Lambda invocation uri (other AWS services: {@link AwsServiceIntegration}). */
    static boolean isLambda(String uri) {
        return uri != null && uri.contains(":lambda:path/");
    }

    @Override
    public CompletableFuture<Outcome> invoke(Exchange exchange) {
        Integration integration = exchange.operation().integration();
        if (integration.httpMethod() != null && !integration.httpMethod().equals("POST")) {
            return error(GatewayResponseType.API_CONFIGURATION_ERROR,
                    "the integration httpMethod of a Lambda integration must be POST, not " + integration.httpMethod());
        }
        LambdaFunctionUri.Function target;
        try {
            target = LambdaFunctionUri.parse(integration.uri(), exchange.stage().variables());
        } catch (IllegalArgumentException e) {
            return error(GatewayResponseType.API_CONFIGURATION_ERROR, e.getMessage());
        }
        LambdaFunction function = functions.get(target.name());
        if (function == null) {
            return error(GatewayResponseType.API_CONFIGURATION_ERROR, "no handler for Lambda function '"
                    + target.name() + "': set turnpike.lambda." + target.name() + "=<handler class> or remote");
        }
        return RequestBodies.read(exchange.clientRequest()).handle((body, failure) -> {
            if (failure != null) {
                return CompletableFuture.completedFuture(Outcome.of(
                        RequestBodies.readFailure(failure, GatewayResponseType.DEFAULT_4XX)));
            }
            return call(exchange, integration, target, function, body);
        }).thenCompose(outcome -> outcome);
    }

    private CompletableFuture<Outcome> call(Exchange exchange, Integration integration,
            LambdaFunctionUri.Function target, LambdaFunction function, byte[] clientBody) {
        RequestMapping.Mapped mapped;
        try {
            mapped = RequestMapping.map(exchange, integration, templates, binaryMediaTypes, clientBody);
        } catch (RequestMapping.Refused refused) {
            return CompletableFuture.completedFuture(Outcome.of(refused.error()));
        }
        JsonValue event;
        String payload = new String(mapped.body(), StandardCharsets.UTF_8);
        try (JsonReader reader = Json.createReader(new StringReader(payload.isBlank() ? "{}" : payload))) {
            event = reader.readValue();
        } catch (RuntimeException e) {
            // Lambda refuses a payload that is not JSON (InvalidRequestContentException); API Gateway answers 500.
            return error(GatewayResponseType.API_CONFIGURATION_ERROR, "the Lambda payload is not JSON: "
                    + e.getMessage());
        }
        long deadline = exchange.startNanos() + integration.timeoutInMillis() * 1_000_000L;
        LambdaContext context = new LambdaContext(UUID.randomUUID().toString(), target, exchange.api().region(),
                exchange.api().accountId(), deadline);
        long remaining = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        long sent = LambdaCallLog.request(exchange, target, event);
        return function.invoke(event, context, remaining).handle((result, failure) -> {
            LambdaCallLog.response(exchange, sent, result, failure);
            String errorMessage = null;
            JsonValue answer = result;
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                if (cause instanceof TimeoutException) {
                    return Outcome.of(GatewayError.of(GatewayResponseType.INTEGRATION_TIMEOUT,
                            "function " + target.name() + " timed out"));
                }
                if (cause instanceof LambdaFunction.Unreachable) {
                    return Outcome.of(GatewayError.of(GatewayResponseType.INTEGRATION_FAILURE, cause.getMessage()));
                }
                if (!(cause instanceof LambdaFunction.FunctionError functionError)) {
                    // Throttled, or the function could not be started: Lambda's own error, a 500 on API Gateway.
                    return Outcome.of(GatewayError.of(GatewayResponseType.API_CONFIGURATION_ERROR, cause.toString()));
                }
                errorMessage = functionError.errorMessage();
                answer = functionError.payload();
            }
            byte[] body = answer.toString().getBytes(StandardCharsets.UTF_8);
            return ResponseMapping.map(exchange, integration, templates, binaryMediaTypes,
                    new ResponseMapping.BackendAnswer(200, Map.of("Content-Type", List.of("application/json")),
                            body), mapped.input(), errorMessage);
        });
    }

    /** The payload the Lambda Java runtime reports for an uncaught exception. */
    static JsonValue errorPayload(Throwable thrown) {
        JsonArrayBuilder stack = Json.createArrayBuilder();
        for (StackTraceElement element : thrown.getStackTrace()) {
            stack.add(element.toString());
        }
        return Json.createObjectBuilder()
                .add("errorMessage", thrown.getMessage() == null ? "" : thrown.getMessage())
                .add("errorType", thrown.getClass().getName())
                .add("stackTrace", stack)
                .build();
    }

    private static CompletableFuture<Outcome> error(GatewayResponseType type, String detail) {
        return CompletableFuture.completedFuture(Outcome.of(GatewayError.of(type, detail)));
    }
}
