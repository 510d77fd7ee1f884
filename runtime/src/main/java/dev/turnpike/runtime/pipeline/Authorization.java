package dev.turnpike.runtime.pipeline;

import dev.turnpike.runtime.auth.ApiKeys;
import dev.turnpike.runtime.auth.AuthorizerPolicies;
import dev.turnpike.runtime.auth.LambdaAuthorizers;
import dev.turnpike.runtime.integration.LambdaInvoker;
import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.response.GatewayError;
import dev.turnpike.runtime.response.GatewayResponseType;
import java.util.concurrent.CompletableFuture;

/**
 * Who may call the method: its authorization type ({@code CUSTOM}: a Lambda authorizer), then its API key. The
 * API key comes after the authorizer because a Lambda authorizer may be where it comes from
 * ({@code apiKeySource: AUTHORIZER}).
 */
final class Authorization {

    private final GeneratedApi api;
    private final ApiKeys apiKeys;
    private final LambdaAuthorizers lambdaAuthorizers;

    Authorization(GeneratedApi api, ApiKeys apiKeys, LambdaInvoker lambda) {
        this.api = api;
        this.apiKeys = apiKeys;
        this.lambdaAuthorizers = new LambdaAuthorizers(lambda, System::currentTimeMillis);
    }

    /** The error to answer with, or {@code null} when the caller may go on; the exchange learns who the caller is. */
    CompletableFuture<GatewayError> authorize(Exchange exchange) {
        Operation operation = exchange.operation();
        if (operation.authorizer() != null && operation.authorizer().isLambda()) {
            String methodArn = methodArn(exchange);
            return lambdaAuthorizers.authorize(exchange, operation.authorizer(), methodArn).thenApply(outcome -> {
                if (outcome.error() != null) {
                    return outcome.error();
                }
                GatewayError denied = AuthorizerPolicies.check(outcome.answer().policy(), methodArn,
                        operation.authorizer().name());
                if (denied != null) {
                    return denied;
                }
                exchange.authorizer(outcome.answer().context());
                return apiKey(exchange);
            });
        }
        return CompletableFuture.completedFuture(apiKey(exchange));
    }

    /**
     * A method that requires an API key needs a known, enabled one from the {@code x-api-key} header or, with
     * {@code apiKeySource: AUTHORIZER}, from the authorizer's {@code usageIdentifierKey}; else 403 Forbidden.
     */
    private GatewayError apiKey(Exchange exchange) {
        if (!exchange.operation().apiKeyRequired()) {
            return null;
        }
        boolean fromAuthorizer = api.apiKeySource().equals("AUTHORIZER");
        String value = fromAuthorizer
                ? exchange.authorizer() == null ? null : exchange.authorizer().usageIdentifierKey()
                : exchange.clientRequest().headers().first("x-api-key");
        if (value == null) {
            return GatewayError.of(GatewayResponseType.INVALID_API_KEY,
                    fromAuthorizer ? "the authorizer gave no usageIdentifierKey" : "no x-api-key header");
        }
        ApiKeys.ApiKey key = apiKeys.byValue(value);
        if (key == null || !key.enabled()) {
            return GatewayError.of(GatewayResponseType.INVALID_API_KEY,
                    key == null ? "unknown API key" : "API key " + key.name() + " is disabled");
        }
        exchange.apiKey(key);
        return null;
    }

    /** {@code arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{METHOD}/{path}}, the path as requested. */
    static String methodArn(Exchange exchange) {
        String path = exchange.pathBelowStage();
        return "arn:aws:execute-api:" + exchange.api().region() + ":" + exchange.api().accountId() + ":"
                + exchange.api().apiId() + "/" + exchange.stage().name() + "/" + exchange.clientRequest().method()
                + "/" + (path.startsWith("/") ? path.substring(1) : path);
    }
}
