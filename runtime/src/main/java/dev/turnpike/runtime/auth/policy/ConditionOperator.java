package dev.turnpike.runtime.auth.policy;

import java.util.Locale;

/** The IAM condition operators Turnpike evaluates, and how each compares a request value with a policy value. */
public enum ConditionOperator {
    STRING_EQUALS("StringEquals", false),
    STRING_NOT_EQUALS("StringNotEquals", true),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", false),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", true),
    STRING_LIKE("StringLike", false),
    STRING_NOT_LIKE("StringNotLike", true),
    // IAM's ArnEquals takes wildcards too, so the four Arn operators compare like StringLike.
    ARN_EQUALS("ArnEquals", false),
    ARN_NOT_EQUALS("ArnNotEquals", true),
    ARN_LIKE("ArnLike", false),
    ARN_NOT_LIKE("ArnNotLike", true),
    IP_ADDRESS("IpAddress", false),
    NOT_IP_ADDRESS("NotIpAddress", true),
    BOOL("Bool", false),
    NULL("Null", false);

    private final String policyName;
    private final boolean negated;

    ConditionOperator(String policyName, boolean negated) {
        this.policyName = policyName;
        this.negated = negated;
    }

    /** The operator a policy names ({@code IfExists} already removed), or {@code null} when Turnpike has none. */
    static ConditionOperator named(String name) {
        for (ConditionOperator operator : values()) {
            if (operator.policyName.equals(name)) {
                return operator;
            }
        }
        return null;
    }

    public String policyName() {
        return policyName;
    }

    /** A negated operator holds when none of the policy's values match, and also when the key is absent. */
    boolean negated() {
        return negated;
    }

    /** Whether one request value matches one policy value, before negation. */
    boolean compare(String requestValue, String policyValue, IpRange range) {
        return switch (this) {
            case STRING_EQUALS, STRING_NOT_EQUALS -> requestValue.equals(policyValue);
            case STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE ->
                    requestValue.toLowerCase(Locale.ROOT).equals(policyValue.toLowerCase(Locale.ROOT));
            case STRING_LIKE, STRING_NOT_LIKE, ARN_EQUALS, ARN_NOT_EQUALS, ARN_LIKE, ARN_NOT_LIKE ->
                    Wildcard.matches(policyValue, requestValue, false);
            case IP_ADDRESS, NOT_IP_ADDRESS -> range.contains(requestValue);
            case BOOL -> requestValue.equalsIgnoreCase(policyValue);
            case NULL -> throw new IllegalStateException("Null compares presence, not values");
        };
    }
}
