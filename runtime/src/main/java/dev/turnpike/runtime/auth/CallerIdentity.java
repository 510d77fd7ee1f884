package dev.turnpike.runtime.auth;

/**
 * The IAM caller of an {@code AWS_IAM} method whose signature checked out: {@code $context.identity.*}.
 *
 * @param accessKey the access key id that signed the request
 * @param accountId the caller's AWS account
 * @param caller the principal identifier of the caller (for an IAM user, its user id)
 * @param user the principal identifier of the user
 * @param userArn the caller's ARN, e.g. {@code arn:aws:iam::123456789012:user/alice}
 */
public record CallerIdentity(String accessKey, String accountId, String caller, String user, String userArn) {
}
