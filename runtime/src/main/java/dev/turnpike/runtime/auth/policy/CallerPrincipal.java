package dev.turnpike.runtime.auth.policy;

import java.util.Objects;

/**
 * An IAM-authenticated caller: the account it belongs to and its ARN as SigV4 verification found it
 * ({@code arn:aws:iam::123456789012:user/alice} or a role session {@code arn:aws:sts::123456789012:assumed-role/r/s}).
 */
public record CallerPrincipal(String accountId, String arn) {

    public CallerPrincipal {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(arn, "arn");
    }

    /**
     * The role a session ARN was assumed from ({@code arn:aws:iam::123456789012:role/r}), which is how policies name
     * a role's sessions; {@code null} when this caller is not a role session.
     */
    String roleArn() {
        String marker = ":assumed-role/";
        int at = arn.indexOf(marker);
        if (!arn.startsWith("arn:") || at < 0 || !arn.substring(0, at).contains(":sts:")) {
            return null;
        }
        String rest = arn.substring(at + marker.length());
        int slash = rest.indexOf('/');
        String role = slash < 0 ? rest : rest.substring(0, slash);
        String partition = arn.substring(4, arn.indexOf(':', 4));
        return "arn:" + partition + ":iam::" + accountId + ":role/" + role;
    }
}
