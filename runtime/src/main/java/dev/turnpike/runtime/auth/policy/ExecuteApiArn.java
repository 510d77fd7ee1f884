package dev.turnpike.runtime.auth.policy;

/**
 * The ARN API Gateway checks a call against:
 * {@code arn:aws:execute-api:{region}:{accountId}:{apiId}/{stage}/{METHOD}/{resourcePath}}.
 */
public final class ExecuteApiArn {

    private static final String SHORTHAND = "execute-api:";

    private ExecuteApiArn() {
    }

    /**
     * The ARN of one call. {@code path} is the request path without the stage, as it came ({@code /pets/7}); its
     * leading slash is dropped, so the root resource ends in {@code GET/}.
     */
    public static String of(String region, String accountId, String apiId, String stage, String method,
            String path) {
        String resourcePath = path.startsWith("/") ? path.substring(1) : path;
        return "arn:aws:execute-api:" + region + ":" + accountId + ":" + apiId + "/" + stage + "/" + method + "/"
                + resourcePath;
    }

    /** The account that owns the API the ARN names, or {@code null} when it is not an execute-api ARN. */
    static String accountOf(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length == 6 && parts[0].equals("arn") ? parts[4] : null;
    }

    /**
     * A policy resource with the {@code execute-api:/stage/METHOD/path} shorthand resource policies may use, written
     * out against the API the request is for (the part of {@code requestArn} before its first {@code /}); any other
     * resource as it is.
     */
    static String expand(String policyResource, String requestArn) {
        if (!policyResource.startsWith(SHORTHAND) || policyResource.startsWith("arn:")) {
            return policyResource;
        }
        int slash = requestArn.indexOf('/');
        String api = slash < 0 ? requestArn : requestArn.substring(0, slash);
        return api + policyResource.substring(SHORTHAND.length());
    }
}
