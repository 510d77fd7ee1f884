package dev.turnpike.runtime.pipeline;

/**
 * Who this API is in AWS's terms, for {@code $context}, ARNs and host names.
 *
 * @param apiId the REST API id ({@code $context.apiId})
 * @param deploymentId the generated deployment's id ({@code $context.deploymentId})
 */
public record ApiIdentity(String apiId, String accountId, String region, String deploymentId) {
}
