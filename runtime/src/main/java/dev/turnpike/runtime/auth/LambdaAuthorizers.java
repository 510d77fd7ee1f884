package dev.turnpike.runtime.auth;

import dev.turnpike.runtime.auth.policy.PolicyDocument;
import dev.turnpike.runtime.auth.policy.PolicyParseException;
import dev.turnpike.runtime.integration.ContextVariables;
import dev.turnpike.runtime.integration.LambdaInvoker;
import dev.turnpike.runtime.integration.QueryString;
import dev.turnpike.runtime.model.Authorizer;
import dev.turnpike.runtime.pipeline.Exchange;
import dev.turnpike.runtime.regex.BoundedMatch;
import dev.turnpike.runtime.response.GatewayError;
import dev.turnpike.runtime.response.GatewayResponseType;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Lambda authorizers, TOKEN and REQUEST: the identity sources are checked before any call (missing → 401), the
 * function is called with AWS's event, and its answer ({@code principalId}, {@code policyDocument},
 * {@code context}, {@code usageIdentifierKey}) is cached per authorizer and identity-source values for the
 * authorizer's TTL. As in API Gateway the cached answer is the whole policy, evaluated again for each method, so
 * a policy that names one method only denies the others while cached.
 */
public final class LambdaAuthorizers {

    private static final System.Logger LOG = System.getLogger(LambdaAuthorizers.class.getName());

    /** The function's answer, parsed; the policy is evaluated for each method it is used for. */
    public record Answer(String principalId, PolicyDocument policy, AuthorizerContext context) {
    }

    /** An answer to evaluate for the method, or the error to send instead. */
    public record Outcome(Answer answer, GatewayError error) {
        static Outcome refused(GatewayError error) {
            return new Outcome(null, error);
        }
    }

    /** As long as API Gateway waits for an authorizer: its longest integration timeout. */
    private static final long TIMEOUT_MILLIS = 29_000;

    private final LambdaInvoker invoker;
    private final AuthorizerCache<Answer> cache;
    private final Map<String, Pattern> validationExpressions = new java.util.concurrent.ConcurrentHashMap<>();

    public LambdaAuthorizers(LambdaInvoker invoker, LongSupplier clockMillis) {
        this.invoker = invoker;
        this.cache = new AuthorizerCache<>(clockMillis, AuthorizerCache.DEFAULT_MAX_ENTRIES);
    }

    /** Calls (or reuses the cached answer of) {@code authorizer} for the exchange's request to {@code methodArn}. */
    public CompletableFuture<Outcome> authorize(Exchange exchange, Authorizer authorizer, String methodArn) {
        List<String> identity = identityValues(exchange, authorizer);
        if (identity == null) {
            return CompletableFuture.completedFuture(Outcome.refused(GatewayError.of(GatewayResponseType.UNAUTHORIZED,
                    "an identity source of authorizer " + authorizer.name() + " is missing")));
        }
        if (authorizer.type().equals("TOKEN") && authorizer.identityValidationExpression() != null
                && !tokenValid(authorizer.identityValidationExpression(), identity.get(0))) {
            return CompletableFuture.completedFuture(Outcome.refused(GatewayError.of(GatewayResponseType.UNAUTHORIZED,
                    "the token does not match identityValidationExpression of authorizer " + authorizer.name())));
        }
        String cacheKey = authorizer.resultTtlInSeconds() > 0 && !identity.isEmpty()
                ? authorizer.name() + '\u0000' + String.join("\u0000", identity) : null;
        Answer cached = cacheKey == null ? null : cache.get(cacheKey);
        if (cached != null) {
            return CompletableFuture.completedFuture(new Outcome(cached, null));
        }
        JsonValue event = authorizer.type().equals("TOKEN")
                ? Json.createObjectBuilder().add("type", "TOKEN").add("authorizationToken", identity.get(0))
                        .add("methodArn", methodArn).build()
                : invoker.requestAuthorizerEvent(exchange, methodArn);
        return invoker.invoke(authorizer.authorizerUri(), exchange, event, TIMEOUT_MILLIS)
                .handle((result, failure) -> {
                    if (failure != null) {
                        return failed(exchange, authorizer, failure);
                    }
                    Answer answer;
                    try {
                        answer = parse(result);
                    } catch (IllegalArgumentException e) {
                        return Outcome.refused(configurationError(authorizer, e.getMessage()));
                    }
                    if (cacheKey != null) {
                        cache.put(cacheKey, answer, authorizer.resultTtlInSeconds() * 1000L);
                    }
                    return new Outcome(answer, null);
                });
    }

    /** The token is the client's: a pattern that would need too long on it counts as not matching (401). */
    private boolean tokenValid(String expression, String token) {
        try {
            return BoundedMatch.matches(validationExpressions.computeIfAbsent(expression, Pattern::compile), token);
        } catch (BoundedMatch.TooExpensive e) {
            return false;
        }
    }

    /**
     * The values of the authorizer's identity sources in order, or {@code null} when one is missing or empty. A
     * REQUEST authorizer without identity sources has none to check (and is not cached).
     */
    static List<String> identityValues(Exchange exchange, Authorizer authorizer) {
        List<String> values = new ArrayList<>();
        if (authorizer.identitySource() == null || authorizer.identitySource().isBlank()) {
            return values;
        }
        QueryString query = null;
        Map<String, Object> context = null;
        for (String part : authorizer.identitySource().split(",")) {
            String source = part.trim();
            String value;
            if (source.startsWith("method.request.header.")) {
                value = exchange.clientRequest().headers().first(source.substring("method.request.header.".length()));
            } else if (source.startsWith("method.request.querystring.")) {
                if (query == null) {
                    query = QueryString.parse(exchange.clientRequest().rawQuery());
                }
                value = query.last(source.substring("method.request.querystring.".length()));
            } else if (source.startsWith("stageVariables.")) {
                value = exchange.stage().variables().get(source.substring("stageVariables.".length()));
            } else if (source.startsWith("context.")) {
                if (context == null) {
                    context = ContextVariables.of(exchange);
                }
                value = contextValue(context, source.substring("context.".length()));
            } else {
                value = null;
            }
            if (value == null || value.isEmpty()) {
                return null;
            }
            values.add(value);
        }
        return values;
    }

    private static String contextValue(Map<String, Object> context, String path) {
        Object value = context;
        for (String name : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(name);
        }
        return value == null || value instanceof Map ? null : value.toString();
    }

    /**
     * The function's output as API Gateway reads it: a {@code principalId} and a {@code policyDocument} are required;
     * {@code context} values must be strings, numbers or booleans.
     */
    static Answer parse(JsonValue result) {
        if (!(result instanceof JsonObject output)) {
            throw new IllegalArgumentException("the authorizer's output is not a JSON object");
        }
        JsonValue principal = output.get("principalId");
        if (principal == null || principal.getValueType() == JsonValue.ValueType.NULL) {
            throw new IllegalArgumentException("the authorizer's output has no principalId");
        }
        String principalId = principal instanceof JsonString s ? s.getString() : principal.toString();
        JsonValue policy = output.get("policyDocument");
        if (!(policy instanceof JsonObject policyObject)) {
            throw new IllegalArgumentException("Could not parse policy: the authorizer's output has no policyDocument"
                    + " object");
        }
        PolicyDocument policyDocument;
        try {
            policyDocument = PolicyDocument.from(policyObject);
        } catch (PolicyParseException e) {
            throw new IllegalArgumentException("Could not parse policy: " + String.join("; ", e.problems()));
        }
        Map<String, Object> context = new LinkedHashMap<>();
        JsonValue contextValue = output.get("context");
        if (contextValue instanceof JsonObject fields) {
            for (Map.Entry<String, JsonValue> field : fields.entrySet()) {
                JsonValue value = field.getValue();
                switch (value.getValueType()) {
                    case STRING -> context.put(field.getKey(), ((JsonString) value).getString());
                    case NUMBER -> context.put(field.getKey(), ((JsonNumber) value).numberValue());
                    case TRUE -> context.put(field.getKey(), Boolean.TRUE);
                    case FALSE -> context.put(field.getKey(), Boolean.FALSE);
                    case NULL -> { }
                    default -> throw new IllegalArgumentException("context value '" + field.getKey()
                            + "' is an object or array; an authorizer's context holds strings, numbers and booleans");
                }
            }
        } else if (contextValue != null && contextValue.getValueType() != JsonValue.ValueType.NULL) {
            throw new IllegalArgumentException("the authorizer's context is not a JSON object");
        }
        JsonValue key = output.get("usageIdentifierKey");
        String usageIdentifierKey = key instanceof JsonString s ? s.getString() : null;
        return new Answer(principalId, policyDocument,
                new AuthorizerContext(principalId, context, Map.of(), usageIdentifierKey));
    }

    private static Outcome failed(Exchange exchange, Authorizer authorizer, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof LambdaInvoker.Failure call) {
            if (call.kind() == LambdaInvoker.FailureKind.FUNCTION_ERROR && "Unauthorized".equals(call.getMessage())) {
                // The one error message API Gateway turns into 401; any other is a configuration error.
                return Outcome.refused(GatewayError.of(GatewayResponseType.UNAUTHORIZED,
                        "authorizer " + authorizer.name() + " answered Unauthorized"));
            }
            LOG.log(System.Logger.Level.WARNING, () -> "request " + exchange.requestId() + ": authorizer "
                    + authorizer.name() + " failed: " + call.kind() + ": " + call.getMessage());
            return Outcome.refused(configurationError(authorizer, call.kind() + ": " + call.getMessage()));
        }
        LOG.log(System.Logger.Level.WARNING, "request " + exchange.requestId() + ": authorizer " + authorizer.name()
                + " failed", cause);
        return Outcome.refused(configurationError(authorizer, cause.toString()));
    }

    private static GatewayError configurationError(Authorizer authorizer, String detail) {
        return GatewayError.of(GatewayResponseType.AUTHORIZER_CONFIGURATION_ERROR,
                "Execution failed due to configuration error: authorizer " + authorizer.name() + ": " + detail);
    }
}
