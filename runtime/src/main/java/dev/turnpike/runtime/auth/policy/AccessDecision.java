package dev.turnpike.runtime.auth.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether a request may proceed, combining the API's resource policy with the method's authorization as AWS's
 * "How API Gateway resource policies affect authorization workflow" describes it. Each method returns empty to
 * allow, or the {@link AccessDenial} to send. A {@code null} resource policy means the API has none.
 *
 * <p>Same-account outcomes follow that page's Table A (either policy's Allow suffices, any explicit Deny wins);
 * cross-account IAM callers follow Table B (both must Allow). For Amazon Cognito the page's own section is followed
 * over Table A: after authentication the resource policy "is evaluated independently, and an explicit allow is
 * required".
 *
 * <p>Messages: a denial the resource policy or an IAM identity policy decides reads
 * {@code User: <caller ARN | anonymous> is not authorized to perform: execute-api:Invoke on resource: <ARN>}, with
 * {@code  with an explicit deny} appended for a Deny statement; a denial a Lambda authorizer's policy decides reads
 * {@code User is not authorized to access this resource}, with the same suffix for a Deny.
 */
public final class AccessDecision {

    private static final String AUTHORIZER_DENIED = "User is not authorized to access this resource";
    private static final String EXPLICIT = " with an explicit deny";

    private AccessDecision() {
    }

    /** Authorization {@code NONE}: the resource policy alone decides and must explicitly allow. */
    public static Optional<AccessDenial> resourcePolicyOnly(PolicyDocument resourcePolicy, RequestFacts facts) {
        if (resourcePolicy == null) {
            return Optional.empty();
        }
        PolicyResult result = PolicyEvaluation.evaluate(resourcePolicy, facts);
        return result == PolicyResult.ALLOW ? Optional.empty() : Optional.of(byResourcePolicy(result, facts));
    }

    /**
     * The check before a Lambda authorizer runs: only an explicit Deny in the resource policy refuses the request
     * here, so the authorizer is not called for it.
     */
    public static Optional<AccessDenial> beforeAuthorizer(PolicyDocument resourcePolicy, RequestFacts facts) {
        if (resourcePolicy == null || PolicyEvaluation.evaluate(resourcePolicy, facts) != PolicyResult.EXPLICIT_DENY) {
            return Optional.empty();
        }
        return Optional.of(byResourcePolicy(PolicyResult.EXPLICIT_DENY, facts));
    }

    /** Authorization {@code CUSTOM}: the policy the Lambda authorizer returned, with the resource policy (Table A). */
    public static Optional<AccessDenial> withLambdaAuthorizer(PolicyDocument resourcePolicy,
            PolicyDocument authorizerPolicy, RequestFacts facts) {
        Objects.requireNonNull(authorizerPolicy, "authorizerPolicy");
        PolicyResult resource = resourcePolicy == null ? PolicyResult.IMPLICIT_DENY
                : PolicyEvaluation.evaluate(resourcePolicy, facts);
        PolicyResult authorizer = PolicyEvaluation.evaluate(authorizerPolicy, facts);
        if (resource == PolicyResult.EXPLICIT_DENY) {
            return Optional.of(byResourcePolicy(resource, facts));
        }
        if (authorizer == PolicyResult.EXPLICIT_DENY) {
            return Optional.of(AccessDenial.of(AUTHORIZER_DENIED + EXPLICIT, "the authorizer's policy denies"));
        }
        if (authorizer == PolicyResult.ALLOW || resource == PolicyResult.ALLOW) {
            return Optional.empty();
        }
        return Optional.of(AccessDenial.of(AUTHORIZER_DENIED, "neither the authorizer's policy nor the resource "
                + "policy allows"));
    }

    /**
     * Authorization {@code AWS_IAM}: the caller's identity policy ({@code null} when it has none) with the resource
     * policy. A caller of the API's own account needs either to allow (Table A), one of another account both
     * (Table B).
     */
    public static Optional<AccessDenial> withIam(PolicyDocument resourcePolicy, PolicyDocument identityPolicy,
            RequestFacts facts) {
        Objects.requireNonNull(facts.caller(), "an AWS_IAM request has an authenticated caller");
        PolicyResult resource = resourcePolicy == null ? PolicyResult.IMPLICIT_DENY
                : PolicyEvaluation.evaluate(resourcePolicy, facts);
        PolicyResult identity = identityPolicy == null ? PolicyResult.IMPLICIT_DENY
                : PolicyEvaluation.evaluate(identityPolicy, facts);
        if (resource == PolicyResult.EXPLICIT_DENY || identity == PolicyResult.EXPLICIT_DENY) {
            return Optional.of(AccessDenial.of(notAuthorized(facts, true), resource == PolicyResult.EXPLICIT_DENY
                    ? "the resource policy denies" : "the caller's identity policy denies"));
        }
        boolean sameAccount = facts.caller().accountId().equals(ExecuteApiArn.accountOf(facts.resource()));
        // Without a resource policy only the identity policy speaks, whichever account the caller is in.
        boolean allowed = resourcePolicy == null ? identity == PolicyResult.ALLOW
                : sameAccount ? identity == PolicyResult.ALLOW || resource == PolicyResult.ALLOW
                : identity == PolicyResult.ALLOW && resource == PolicyResult.ALLOW;
        return allowed ? Optional.empty() : Optional.of(AccessDenial.of(notAuthorized(facts, false),
                "identity policy " + identity + ", resource policy " + resource
                        + (sameAccount ? "" : ", caller from another account")));
    }

    /** Authorization {@code COGNITO_USER_POOLS}, after the token was accepted: the resource policy must allow. */
    public static Optional<AccessDenial> withCognito(PolicyDocument resourcePolicy, RequestFacts facts) {
        return resourcePolicyOnly(resourcePolicy, facts);
    }

    private static AccessDenial byResourcePolicy(PolicyResult result, RequestFacts facts) {
        boolean explicit = result == PolicyResult.EXPLICIT_DENY;
        return AccessDenial.of(notAuthorized(facts, explicit),
                explicit ? "the resource policy denies" : "the resource policy does not allow");
    }

    private static String notAuthorized(RequestFacts facts, boolean explicit) {
        return "User: " + facts.callerName() + " is not authorized to perform: " + facts.action() + " on resource: "
                + facts.resource() + (explicit ? EXPLICIT : "");
    }
}
