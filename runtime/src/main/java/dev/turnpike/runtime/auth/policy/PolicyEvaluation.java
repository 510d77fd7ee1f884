package dev.turnpike.runtime.auth.policy;

/** IAM's evaluation of one policy document: an explicit Deny wins, then any Allow, else the implicit deny. */
public final class PolicyEvaluation {

    private PolicyEvaluation() {
    }

    public static PolicyResult evaluate(PolicyDocument policy, RequestFacts facts) {
        boolean allowed = false;
        for (Statement statement : policy.statements()) {
            if (statement.appliesTo(facts)) {
                if (statement.effect() == Statement.Effect.DENY) {
                    return PolicyResult.EXPLICIT_DENY;
                }
                allowed = true;
            }
        }
        return allowed ? PolicyResult.ALLOW : PolicyResult.IMPLICIT_DENY;
    }
}
