package dev.turnpike.runtime.auth.policy;

import java.util.Locale;
import java.util.Objects;

/**
 * What a policy is evaluated against for one request.
 *
 * @param action the action asked for, {@code execute-api:Invoke} for an API call
 * @param resource the method's ARN, {@code arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{METHOD}/{path}}
 *     (see {@link ExecuteApiArn#of})
 * @param caller the IAM principal that signed the request; {@code null} for an anonymous caller
 * @param sourceIp the client's address ({@code aws:SourceIp})
 * @param sourceVpce the VPC endpoint the request came through ({@code aws:SourceVpce}); {@code null} for public
 *     requests
 * @param sourceVpc the VPC of that endpoint ({@code aws:SourceVpc}); {@code null} for public requests
 */
public record RequestFacts(String action, String resource, CallerPrincipal caller, String sourceIp,
        String sourceVpce, String sourceVpc) {

    /** The action API Gateway checks for every API call. */
    public static final String INVOKE = "execute-api:Invoke";

    public RequestFacts {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
    }

    /** The same request made by {@code caller} (for evaluating a policy after authentication found who it is). */
    public RequestFacts withCaller(CallerPrincipal caller) {
        return new RequestFacts(action, resource, caller, sourceIp, sourceVpce, sourceVpc);
    }

    /**
     * The value of a global condition key for this request, or {@code null} when the request has none. Keys are
     * case-insensitive, as in IAM.
     */
    String conditionValue(String key) {
        return switch (key.toLowerCase(Locale.ROOT)) {
            case "aws:sourceip" -> sourceIp;
            case "aws:sourcevpce" -> sourceVpce;
            case "aws:sourcevpc" -> sourceVpc;
            case "aws:principalaccount" -> caller == null ? null : caller.accountId();
            case "aws:principalarn" -> caller == null ? null : caller.arn();
            default -> null;
        };
    }

    /** Whether Turnpike knows the condition key at all; an unknown key is absent from every request. */
    static boolean isKnownConditionKey(String key) {
        return switch (key.toLowerCase(Locale.ROOT)) {
            case "aws:sourceip", "aws:sourcevpce", "aws:sourcevpc", "aws:principalaccount", "aws:principalarn" -> true;
            default -> false;
        };
    }

    /** Who the caller is in AWS's denial messages: its ARN, or {@code anonymous}. */
    String callerName() {
        return caller == null ? "anonymous" : caller.arn();
    }
}
