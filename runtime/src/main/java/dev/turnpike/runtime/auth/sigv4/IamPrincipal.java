package dev.turnpike.runtime.auth.sigv4;

import java.util.Objects;

/**
 * An IAM identity that may sign requests, and what API Gateway exposes about it as {@code $context.identity.*}
 * once its signature is verified.
 *
 * @param accessKeyId the access key id in the credential scope ({@code $context.identity.accessKey})
 * @param secretKey the secret access key; never printed
 * @param sessionToken the session token that must accompany requests signed with temporary credentials;
 *     {@code null} for a long-term key, which then rejects any token
 * @param accountId the owning account ({@code $context.identity.accountId})
 * @param arn the identity's ARN ({@code $context.identity.userArn})
 * @param userId the unique id AWS gives the identity, {@code AIDA...} for an IAM user
 *     ({@code $context.identity.caller} and {@code $context.identity.user})
 */
public record IamPrincipal(String accessKeyId, String secretKey, String sessionToken, String accountId, String arn,
        String userId) {

    public IamPrincipal {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretKey, "secretKey");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(userId, "userId");
    }

    /** {@code $context.identity.accessKey}. */
    public String accessKey() {
        return accessKeyId;
    }

    /** {@code $context.identity.caller}: for an IAM user, the principal that signed is the user itself. */
    public String caller() {
        return userId;
    }

    /** {@code $context.identity.user}: the principal that is authorised. */
    public String user() {
        return userId;
    }

    /** {@code $context.identity.userArn}. */
    public String userArn() {
        return arn;
    }

    @Override
    public String toString() {
        return "IamPrincipal[accessKeyId=" + accessKeyId + ", accountId=" + accountId + ", arn=" + arn + ", userId="
                + userId + (sessionToken != null ? ", with session token" : "") + "]";
    }
}
