package dev.turnpike.runtime.auth.policy;

import java.util.List;

/**
 * A policy document that cannot be evaluated: every problem found, each naming where in the document it is
 * ({@code Statement[1].Effect: ...}). Checked, so a caller that parses an authorizer's answer must decide what it
 * becomes (API Gateway answers a malformed authorizer policy with a 500 {@code AuthorizerConfigurationException}).
 */
public final class PolicyParseException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public PolicyParseException(List<String> problems) {
        super("invalid policy document: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
