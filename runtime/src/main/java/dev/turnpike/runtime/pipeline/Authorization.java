package dev.turnpike.runtime.pipeline;

import dev.turnpike.runtime.auth.ApiKeys;
import dev.turnpike.runtime.auth.AuthorizerContext;
import dev.turnpike.runtime.auth.LambdaAuthorizers;
import dev.turnpike.runtime.auth.cognito.CognitoKeys;
import dev.turnpike.runtime.auth.cognito.CognitoVerifier;
import dev.turnpike.runtime.auth.policy.AccessDecision;
import dev.turnpike.runtime.auth.policy.AccessDenial;
import dev.turnpike.runtime.auth.policy.PolicyDocument;
import dev.turnpike.runtime.auth.policy.PolicyParseException;
import dev.turnpike.runtime.auth.policy.RequestFacts;
import dev.turnpike.runtime.auth.policy.VpcEndpoints;
import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.integration.LambdaInvoker;
import dev.turnpike.runtime.model.Authorizer;
import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.response.GatewayError;
import dev.turnpike.runtime.response.GatewayResponseType;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Who may call the method, decided as API Gateway decides it: a private API only through a VPC endpoint; the
 * method's authorization type ({@code CUSTOM}: a Lambda authorizer, {@code COGNITO_USER_POOLS}) combined with the
 * resource policy by AWS's evaluation table ({@link AccessDecision}); then the API key. The API key comes last
 * because a Lambda authorizer may be where it comes from ({@code apiKeySource: AUTHORIZER}).
 */
final class Authorization {

    private final GeneratedApi api;
    private final ApiKeys apiKeys;
    private final PolicyDocument resourcePolicy;
    private final VpcEndpoints vpcEndpoints;
    private final LambdaAuthorizers lambdaAuthorizers;
    private final Map<Authorizer, CognitoVerifier> cognitoVerifiers = new HashMap<>();

    /** Throws IllegalArgumentException for a resource policy or user pool ARN the gateway cannot use. */
    Authorization(GeneratedApi api, TurnpikeConfig config, ApiKeys apiKeys, LambdaInvoker lambda) {
        this.api = api;
        this.apiKeys = apiKeys;
        this.resourcePolicy = resourcePolicy(api);
        this.vpcEndpoints = VpcEndpoints.fromConfig(config.values());
        this.lambdaAuthorizers = new LambdaAuthorizers(lambda, System::currentTimeMillis);
        CognitoKeys keys = null;
        for (Operation operation : api.operations()) {
            Authorizer authorizer = operation.authorizer();
            if (authorizer != null && !authorizer.isLambda() && !cognitoVerifiers.containsKey(authorizer)) {
                if (keys == null) {
                    keys = CognitoKeys.fromConfig(config.values(), CognitoKeys.defaultClient(), Clock.systemUTC());
                }
                cognitoVerifiers.put(authorizer, new CognitoVerifier(authorizer.providerArns(), keys,
                        Clock.systemUTC()));
            }
        }
    }

    private static PolicyDocument resourcePolicy(GeneratedApi api) {
        if (api.resourcePolicy() == null) {
            return null;
        }
        try {
            return PolicyDocument.parse(api.resourcePolicy());
        } catch (PolicyParseException e) {
            throw new IllegalArgumentException("the API's resource policy: " + String.join("; ", e.problems()), e);
        }
    }

    /** The error to answer with, or {@code null} when the caller may go on; the exchange learns who the caller is. */
    CompletableFuture<GatewayError> authorize(Exchange exchange) {
        String sourceIp = exchange.clientRequest().remoteAddress();
        Optional<VpcEndpoints.VpcEndpoint> endpoint = vpcEndpoints.arrivingFrom(sourceIp);
        if (api.endpointType().equals("PRIVATE") && endpoint.isEmpty()) {
            return done(GatewayError.of(GatewayResponseType.FORBIDDEN, "a private API is reached only through a VPC"
                    + " endpoint (turnpike.vpcEndpoints.*), and " + sourceIp + " is in no endpoint's sourceCidrs"));
        }
        RequestFacts facts = new RequestFacts(RequestFacts.INVOKE, methodArn(exchange), null, sourceIp,
                endpoint.map(VpcEndpoints.VpcEndpoint::id).orElse(null),
                endpoint.map(VpcEndpoints.VpcEndpoint::vpcId).orElse(null));
        Operation operation = exchange.operation();
        Authorizer authorizer = operation.authorizer();
        if (authorizer != null && authorizer.isLambda()) {
            Optional<AccessDenial> denied = AccessDecision.beforeAuthorizer(resourcePolicy, facts);
            if (denied.isPresent()) {
                return done(denied.get().toGatewayError());
            }
            return lambdaAuthorizers.authorize(exchange, authorizer, facts.resource()).thenApply(outcome -> {
                if (outcome.error() != null) {
                    return outcome.error();
                }
                Optional<AccessDenial> refused = AccessDecision.withLambdaAuthorizer(resourcePolicy,
                        outcome.answer().policy(), facts);
                if (refused.isPresent()) {
                    return refused.get().toGatewayError();
                }
                exchange.authorizer(outcome.answer().context());
                return apiKey(exchange);
            });
        }
        if (authorizer != null) {
            return cognitoVerifiers.get(authorizer).verify(exchange.clientRequest().headers().first("Authorization"),
                    operation.authorizationScopes()).thenApply(result -> {
                        if (!result.accepted()) {
                            return result.error();
                        }
                        Optional<AccessDenial> refused = AccessDecision.withCognito(resourcePolicy, facts);
                        if (refused.isPresent()) {
                            return refused.get().toGatewayError();
                        }
                        exchange.authorizer(AuthorizerContext.ofClaims(result.claims()));
                        return apiKey(exchange);
                    });
        }
        if (operation.authorizationType().equals("AWS_IAM")) {
            return done(GatewayError.of(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN,
                    "AWS_IAM is not served yet; the method is refused rather than served without authorization"));
        }
        Optional<AccessDenial> refused = AccessDecision.resourcePolicyOnly(resourcePolicy, facts);
        return done(refused.isPresent() ? refused.get().toGatewayError() : apiKey(exchange));
    }

    private static CompletableFuture<GatewayError> done(GatewayError error) {
        return CompletableFuture.completedFuture(error);
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
