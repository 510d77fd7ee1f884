package dev.turnpike.runtime.auth.cognito;

import java.net.URI;

/**
 * A Cognito user pool as a Cognito authorizer's {@code providerARNs} name it:
 * {@code arn:aws:cognito-idp:{region}:{accountId}:userpool/{poolId}}.
 */
public record UserPoolArn(String region, String accountId, String poolId) {

    private static final String USERPOOL = "userpool/";

    /** Reads a provider ARN; throws {@link IllegalArgumentException} naming it when it is not a user pool's ARN. */
    public static UserPoolArn parse(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn") || !parts[2].equals("cognito-idp") || parts[3].isEmpty()
                || !parts[5].startsWith(USERPOOL) || parts[5].length() == USERPOOL.length()) {
            throw new IllegalArgumentException("not a Cognito user pool ARN "
                    + "(arn:aws:cognito-idp:{region}:{account}:userpool/{poolId}): '" + arn + "'");
        }
        return new UserPoolArn(parts[3], parts[4], parts[5].substring(USERPOOL.length()));
    }

    /** The {@code iss} claim of the pool's tokens. */
    public String issuer() {
        return "https://cognito-idp." + region + ".amazonaws.com/" + poolId;
    }

    /** Where the pool publishes its signing keys. */
    public URI defaultJwksUri() {
        return URI.create(issuer() + "/.well-known/jwks.json");
    }
}
