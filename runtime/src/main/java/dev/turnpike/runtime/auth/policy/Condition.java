package dev.turnpike.runtime.auth.policy;

import java.util.List;

/**
 * One key test of a statement's {@code Condition} block: {@code "StringEquals": {"aws:SourceVpce": ["vpce-1"]}}.
 *
 * <p>A key the request lacks makes a plain operator false and a negated one ({@code StringNotEquals},
 * {@code NotIpAddress}, ...) true, as IAM does; an {@code ...IfExists} operator is true then. An operator Turnpike
 * does not know ({@code operator == null}) fails closed: it never lets an Allow statement match, and always lets a
 * Deny statement match. {@link PolicyDocument#problems()} names each one.
 *
 * @param operatorName the operator as written, {@code IfExists} included
 * @param operator the operator without {@code IfExists}; {@code null} when unsupported
 * @param ranges for the IP operators, {@code values} read as address blocks; empty otherwise
 */
public record Condition(String operatorName, ConditionOperator operator, boolean ifExists, String key,
        List<String> values, List<IpRange> ranges) {

    public Condition {
        values = List.copyOf(values);
        ranges = List.copyOf(ranges);
    }

    boolean supported() {
        return operator != null;
    }

    /** Whether the request satisfies this test; only for a supported operator. */
    boolean holds(RequestFacts facts) {
        String requestValue = facts.conditionValue(key);
        if (operator == ConditionOperator.NULL) {
            boolean wantAbsent = values.stream().anyMatch(v -> v.equalsIgnoreCase("true"));
            return (requestValue == null) == wantAbsent;
        }
        if (requestValue == null) {
            return ifExists || operator.negated();
        }
        boolean anyMatch = false;
        for (int i = 0; i < values.size() && !anyMatch; i++) {
            anyMatch = operator.compare(requestValue, values.get(i), ranges.isEmpty() ? null : ranges.get(i));
        }
        return operator.negated() != anyMatch;
    }
}
