package dev.turnpike.runtime.websocket;

import dev.turnpike.runtime.auth.policy.PolicyDocument;
import dev.turnpike.runtime.auth.policy.PolicyEvaluation;
import dev.turnpike.runtime.auth.policy.PolicyParseException;
import dev.turnpike.runtime.auth.policy.PolicyResult;
import dev.turnpike.runtime.auth.policy.RequestFacts;
import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.integration.LambdaInvoker;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs {@code $connect}'s REQUEST authorizer as API Gateway does for WebSocket APIs: a missing identity source is
 * 401 before any call; the function gets the handshake's headers, query string, stage variables and request
 * context with {@code methodArn} ({@code arn:aws:execute-api:<region>:<account>:<apiId>/<stage>/$connect}); its
 * policy must allow that ARN, else 403; a function error {@code Unauthorized} is 401, any other failure 500.
 * Answers are not cached.
 */
final class ConnectAuthorizer {

    private static final System.Logger LOG = System.getLogger(ConnectAuthorizer.class.getName());
    private static final long TIMEOUT_MILLIS = 29_000;

    /** Allowed with {@code requestContext.authorizer}, or refused with a status and message. */
    record Result(Map<String, Object> authorizer, int status, String message) {
        static Result refused(int status, String message) {
            return new Result(null, status, message);
        }

        boolean allowed() {
            return authorizer != null;
        }
    }

    private final TurnpikeConfig config;
    private final LambdaInvoker invoker;

    ConnectAuthorizer(TurnpikeConfig config, LambdaInvoker invoker) {
        this.config = config;
        this.invoker = invoker;
    }

    CompletableFuture<Result> authorize(RouteCall call, WebSocketAuthorizer authorizer) {
        Connection connection = call.connection();
        for (String source : authorizer.identitySources()) {
            if (identity(connection, source) == null) {
                return CompletableFuture.completedFuture(Result.refused(401, "Unauthorized"));
            }
        }
        String methodArn = "arn:aws:execute-api:" + config.region() + ":" + config.accountId() + ":" + call.apiId()
                + "/" + connection.stage() + "/" + WebSocketRoute.CONNECT;
        JsonObject connectEvent = WebSocketEvent.of(call, null);
        JsonObjectBuilder event = Json.createObjectBuilder().add("type", "REQUEST").add("methodArn", methodArn);
        connectEvent.forEach(event::add);
        Map<String, String> variables = config.stages().get(connection.stage()).variables();
        JsonObjectBuilder stageVariables = Json.createObjectBuilder();
        variables.forEach(stageVariables::add);
        event.add("stageVariables", stageVariables);
        return invoker.invoke(authorizer.uri(), variables, config.region(), config.accountId(), event.build(),
                TIMEOUT_MILLIS).handle((output, failure) -> failure != null ? failed(failure)
                        : decide(output, methodArn, connection.sourceIp()));
    }

    /** {@code route.request.header.<name>} or {@code route.request.querystring.<name>}; {@code null} when absent. */
    private static String identity(Connection connection, String source) {
        if (source.startsWith("route.request.header.")) {
            String value = connection.headers().first(source.substring("route.request.header.".length()));
            return value == null || value.isEmpty() ? null : value;
        }
        if (source.startsWith("route.request.querystring.")) {
            List<String> values = connection.query().get(source.substring("route.request.querystring.".length()));
            return values == null || values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
        }
        return null;
    }

    private static Result failed(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof LambdaInvoker.Failure lambda && lambda.kind() == LambdaInvoker.FailureKind.FUNCTION_ERROR
                && "Unauthorized".equals(lambda.getMessage())) {
            return Result.refused(401, "Unauthorized");
        }
        LOG.log(System.Logger.Level.WARNING, () -> "the $connect authorizer failed: " + cause);
        return Result.refused(500, "Internal server error");
    }

    private static Result decide(JsonValue output, String methodArn, String sourceIp) {
        if (!(output instanceof JsonObject answer) || !(answer.get("principalId") instanceof JsonString principal)
                || !(answer.get("policyDocument") instanceof JsonObject policy)) {
            LOG.log(System.Logger.Level.WARNING, () -> "the $connect authorizer's answer has no principalId or"
                    + " policyDocument: " + output);
            return Result.refused(500, "Internal server error");
        }
        PolicyDocument document;
        try {
            document = PolicyDocument.from(policy);
        } catch (PolicyParseException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "the $connect authorizer's policy does not parse: "
                    + String.join("; ", e.problems()));
            return Result.refused(500, "Internal server error");
        }
        PolicyResult result = PolicyEvaluation.evaluate(document,
                new RequestFacts(RequestFacts.INVOKE, methodArn, null, sourceIp, null, null));
        if (result != PolicyResult.ALLOW) {
            return Result.refused(403, "Forbidden");
        }
        Map<String, Object> authorizer = new LinkedHashMap<>();
        authorizer.put("principalId", principal.getString());
        if (answer.get("context") instanceof JsonObject context) {
            context.forEach((name, value) -> {
                switch (value.getValueType()) {
                    case STRING -> authorizer.put(name, ((JsonString) value).getString());
                    case NUMBER -> authorizer.put(name, ((JsonNumber) value).numberValue());
                    case TRUE -> authorizer.put(name, Boolean.TRUE);
                    case FALSE -> authorizer.put(name, Boolean.FALSE);
                    default -> { } // API Gateway keeps strings, numbers and booleans only
                }
            });
        }
        return new Result(authorizer, 200, null);
    }
}
