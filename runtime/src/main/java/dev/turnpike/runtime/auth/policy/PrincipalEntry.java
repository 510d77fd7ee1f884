package dev.turnpike.runtime.auth.policy;

/**
 * One principal a statement names: everyone ({@code "*"}), every principal of an account ({@code "123456789012"} or
 * {@code arn:aws:iam::123456789012:root}), one IAM user or role by ARN, or a principal of another kind
 * ({@code Service}, {@code Federated}, ...) that never calls an API directly and so matches no caller.
 */
public record PrincipalEntry(Kind kind, String value) {

    /** What sort of principal the entry names. */
    public enum Kind { EVERYONE, ACCOUNT, ARN, OTHER }

    /** Reads one value of a {@code Principal}'s {@code AWS} element. */
    static PrincipalEntry aws(String value) {
        if (value.equals("*")) {
            return new PrincipalEntry(Kind.EVERYONE, value);
        }
        if (value.length() == 12 && value.chars().allMatch(Character::isDigit)) {
            return new PrincipalEntry(Kind.ACCOUNT, value);
        }
        String[] parts = value.split(":", 6);
        if (parts.length == 6 && parts[0].equals("arn") && parts[2].equals("iam") && parts[5].equals("root")) {
            return new PrincipalEntry(Kind.ACCOUNT, parts[4]);
        }
        return new PrincipalEntry(Kind.ARN, value);
    }

    boolean matches(CallerPrincipal caller) {
        return switch (kind) {
            case EVERYONE -> true;
            case ACCOUNT -> caller != null && caller.accountId().equals(value);
            case ARN -> caller != null && (caller.arn().equals(value) || value.equals(caller.roleArn()));
            case OTHER -> false;
        };
    }
}
