package dev.turnpike.runtime.auth.policy;

import java.util.List;

/**
 * One statement of a policy document, validated.
 *
 * @param sid the {@code Sid}, or {@code null}
 * @param actions the {@code Action} or (when {@code notAction}) {@code NotAction} patterns
 * @param resources the {@code Resource} or (when {@code notResource}) {@code NotResource} patterns
 * @param principals the {@code Principal} or (when {@code notPrincipal}) {@code NotPrincipal} entries; {@code null}
 *     when the statement names none, as in identity policies and authorizer policies: it then speaks for whoever
 *     holds the policy
 */
public record Statement(String sid, Effect effect, List<String> actions, boolean notAction, List<String> resources,
        boolean notResource, List<PrincipalEntry> principals, boolean notPrincipal, List<Condition> conditions) {

    /** A statement's {@code Effect}. */
    public enum Effect { ALLOW, DENY }

    public Statement {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        principals = principals == null ? null : List.copyOf(principals);
        conditions = List.copyOf(conditions);
    }

    /** Whether this statement speaks to the request: action, resource, principal and every condition. */
    boolean appliesTo(RequestFacts facts) {
        return actionMatches(facts.action()) && resourceMatches(facts.resource()) && principalMatches(facts.caller())
                && conditionsHold(facts);
    }

    private boolean actionMatches(String action) {
        // Action names are case-insensitive in IAM.
        boolean listed = actions.stream().anyMatch(pattern -> Wildcard.matches(pattern, action, true));
        return listed != notAction;
    }

    private boolean resourceMatches(String resource) {
        boolean listed = resources.stream()
                .anyMatch(pattern -> Wildcard.matches(ExecuteApiArn.expand(pattern, resource), resource, false));
        return listed != notResource;
    }

    private boolean principalMatches(CallerPrincipal caller) {
        if (principals == null) {
            return true;
        }
        boolean listed = principals.stream().anyMatch(entry -> entry.matches(caller));
        return listed != notPrincipal;
    }

    private boolean conditionsHold(RequestFacts facts) {
        for (Condition condition : conditions) {
            // Fail closed: an operator Turnpike cannot evaluate never grants, and never lifts a deny.
            boolean holds = condition.supported() ? condition.holds(facts) : effect == Effect.DENY;
            if (!holds) {
                return false;
            }
        }
        return true;
    }
}
