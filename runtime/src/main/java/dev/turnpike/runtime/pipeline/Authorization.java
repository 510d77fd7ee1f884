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
import dev.turnpike.runtime.auth.CallerIdentity;
import dev.turnpike.runtime.auth.policy.CallerPrincipal;
import dev.turnpike.runtime.auth.sigv4.IamCredentials;
import dev.turnpike.runtime.auth.sigv4.IamPrincipal;
import dev.turnpike.runtime.auth.sigv4.SigV4Failure;
import dev.turnpike.runtime.auth.sigv4.SigV4Result;
import dev.turnpike.runtime.auth.sigv4.SigV4Verifier;
import dev.turnpike.runtime.auth.sigv4.SignedRequest;
import dev.turnpike.runtime.config.ConfigException;
import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.http.ClientRequest;
import dev.turnpike.runtime.integration.RequestBodies;
import dev.turnpike.runtime.integration.LambdaInvoker;
import dev.turnpike.runtime.model.Authorizer;
import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.response.GatewayError;
import dev.turnpike.runtime.response.GatewayResponseType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Who may call the method, decided as API Gateway decides it: a private API only through a VPC endpoint; the
 * method's authorization type ({@code AWS_IAM}: SigV4, {@code CUSTOM}: a Lambda authorizer,
 * {@code COGNITO_USER_POOLS}) combined with the
 * resource policy by AWS's evaluation table ({@link AccessDecision}); then the API key. The API key comes last
 * because a Lambda authorizer may be where it comes from ({@code apiKeySource: AUTHORIZER}).
 */
final class Authorization {

    private final GeneratedApi api;
    private final java.util.function.Supplier<ApiKeys> apiKeys;
    private final PolicyDocument resourcePolicy;
    private final VpcEndpoints vpcEndpoints;
    private final LambdaAuthorizers lambdaAuthorizers;
    private final Map<Authorizer, CognitoVerifier> cognitoVerifiers = new HashMap<>();
    private final SigV4Verifier sigV4;
    private final Map<String, PolicyDocument> identityPolicies;

    private static final PolicyDocument ALLOW_INVOKE = allowInvoke();

    /** Throws IllegalArgumentException for a resource policy or user pool ARN the gateway cannot use. */
    Authorization(GeneratedApi api, TurnpikeConfig config, ApiKeys apiKeys, LambdaInvoker lambda) {
        this(api, config, () -> apiKeys, lambda);
    }

    /** With the live API keys, which the management API may replace between requests. */
    Authorization(GeneratedApi api, TurnpikeConfig config, java.util.function.Supplier<ApiKeys> apiKeys,
            LambdaInvoker lambda) {
        this.api = api;
        this.apiKeys = apiKeys;
        this.resourcePolicy = resourcePolicy(api);
        this.vpcEndpoints = VpcEndpoints.fromConfig(config.values());
        this.lambdaAuthorizers = new LambdaAuthorizers(lambda, System::currentTimeMillis);
        this.sigV4 = SigV4Verifier.forExecuteApi(IamCredentials.fromConfig(config.values()), config.region());
        this.identityPolicies = identityPolicies(config.values());
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
        Operation operation = exchange.operation();
        Authorizer authorizer = operation.authorizer();
        if (resourcePolicy == null && operation.authorizationType().equals("NONE")) {
            return done(apiKey(exchange)); // nothing to evaluate: no method ARN or request facts to build
        }
        RequestFacts facts = new RequestFacts(RequestFacts.INVOKE, methodArn(exchange), null, sourceIp,
                endpoint.map(VpcEndpoints.VpcEndpoint::id).orElse(null),
                endpoint.map(VpcEndpoints.VpcEndpoint::vpcId).orElse(null));
        if (authorizer != null && authorizer.isLambda()) {
            Optional<AccessDenial> denied = AccessDecision.beforeAuthorizer(resourcePolicy, facts);
            if (denied.isPresent()) {
                return done(denied.get().toGatewayError());
            }
            ExecutionLog log = exchange.executionLog();
            log.add(() -> "Starting authorizer: " + authorizer.name() + " for request: " + exchange.requestId());
            return lambdaAuthorizers.authorize(exchange, authorizer, facts.resource()).thenApply(outcome -> {
                if (outcome.error() != null) {
                    return outcome.error();
                }
                log.add(() -> "Using valid authorizer policy for principal: " + outcome.answer().principalId());
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
                        exchange.executionLog().add(() -> "Cognito user pool authorizer accepted the token of "
                                + result.claims().getOrDefault("sub", "a user"));
                        Optional<AccessDenial> refused = AccessDecision.withCognito(resourcePolicy, facts);
                        if (refused.isPresent()) {
                            return refused.get().toGatewayError();
                        }
                        exchange.authorizer(AuthorizerContext.ofClaims(result.claims()));
                        return apiKey(exchange);
                    });
        }
        if (operation.authorizationType().equals("AWS_IAM")) {
            return iam(exchange, facts);
        }
        Optional<AccessDenial> refused = AccessDecision.resourcePolicyOnly(resourcePolicy, facts);
        return done(refused.isPresent() ? refused.get().toGatewayError() : apiKey(exchange));
    }

    /**
     * {@code AWS_IAM}: the Signature Version 4 of the request, its body included (read here once and replayed), then
     * the caller's identity policy with the resource policy.
     */
    private CompletableFuture<GatewayError> iam(Exchange exchange, RequestFacts facts) {
        ClientRequest request = exchange.clientRequest();
        return RequestBodies.read(request).handle((body, failure) -> {
            if (failure != null) {
                return RequestBodies.readFailure(failure, GatewayResponseType.DEFAULT_4XX);
            }
            exchange.clientRequest(new ReplayedRequest(request, body));
            SigV4Result result = sigV4.verify(new SignedRequest(request.method(), request.requestUri(),
                    request.rawQuery(), request.headers(), SignedRequest.sha256Hex(body)), Instant.now());
            if (result instanceof SigV4Failure refused) {
                return refused.toGatewayError();
            }
            IamPrincipal principal = ((SigV4Result.Verified) result).principal();
            exchange.executionLog().add(() -> "Signature verified for access key: " + principal.accessKey());
            Optional<AccessDenial> denied = AccessDecision.withIam(resourcePolicy,
                    identityPolicies.getOrDefault(principal.accessKeyId(), ALLOW_INVOKE),
                    facts.withCaller(new CallerPrincipal(principal.accountId(), principal.arn())));
            if (denied.isPresent()) {
                return denied.get().toGatewayError();
            }
            exchange.caller(new CallerIdentity(principal.accessKey(), principal.accountId(), principal.caller(),
                    principal.user(), principal.userArn()));
            return apiKey(exchange);
        });
    }

    /**
     * The identity policies of {@code turnpike.iam.<accessKeyId>.policy}. A principal without one may invoke every
     * method: configuring its credentials for this gateway is the grant.
     */
    private static Map<String, PolicyDocument> identityPolicies(Map<String, String> values) {
        Map<String, PolicyDocument> policies = new HashMap<>();
        List<String> problems = new ArrayList<>();
        values.forEach((key, value) -> {
            if (key.startsWith("turnpike.iam.") && key.endsWith(".policy")) {
                try {
                    policies.put(key.substring("turnpike.iam.".length(), key.length() - ".policy".length()),
                            PolicyDocument.parse(value));
                } catch (PolicyParseException e) {
                    problems.add(key + ": not an IAM policy the gateway can evaluate: "
                            + String.join("; ", e.problems()));
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return policies;
    }

    private static PolicyDocument allowInvoke() {
        try {
            return PolicyDocument.parse("{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
                    + " \"Action\": \"execute-api:Invoke\", \"Resource\": \"*\"}]}");
        } catch (PolicyParseException e) {
            throw new IllegalStateException(e);
        }
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
        ApiKeys.ApiKey key = apiKeys.get().byValue(value);
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
