package dev.turnpike.management;

import dev.turnpike.runtime.auth.sigv4.IamCredentials;
import dev.turnpike.runtime.auth.sigv4.IamPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The management API's configuration: whether it is served ({@code turnpike.management.enabled}, default
 * {@code false}), where ({@code turnpike.management.path}, default {@value #DEFAULT_PATH}) and who may call it
 * ({@code turnpike.management.credentials.<accessKeyId>.secretKey}: signatures are checked as AWS checks
 * {@code apigateway}'s, SigV4 scoped to the gateway's region and the {@code apigateway} service).
 */
public record ManagementSettings(boolean enabled, String path, IamCredentials credentials, String region) {

    public static final String DEFAULT_PATH = "/turnpike-management";
    /** The service name AWS clients sign management calls for. */
    public static final String SERVICE = "apigateway";

    private static final String CREDENTIALS = "turnpike.management.credentials.";

    /**
     * Reads the settings; when the API is enabled, a path that does not start with {@code /} or no credentials at
     * all is an {@link IllegalArgumentException} naming the key.
     */
    public static ManagementSettings fromConfig(Map<String, String> values, String region, String accountId) {
        boolean enabled = Boolean.parseBoolean(values.getOrDefault("turnpike.management.enabled", "false"));
        String path = values.getOrDefault("turnpike.management.path", DEFAULT_PATH).trim();
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        List<IamPrincipal> principals = new ArrayList<>();
        values.forEach((key, value) -> {
            if (key.startsWith(CREDENTIALS) && key.endsWith(".secretKey")) {
                String accessKeyId = key.substring(CREDENTIALS.length(), key.length() - ".secretKey".length());
                principals.add(new IamPrincipal(accessKeyId, value.trim(), null, accountId,
                        "arn:aws:iam::" + accountId + ":user/" + accessKeyId, accessKeyId));
            }
        });
        if (enabled) {
            if (!path.startsWith("/") || path.equals("/")) {
                throw new IllegalArgumentException("turnpike.management.path: a path below the context path, such as "
                        + DEFAULT_PATH + ", got '" + path + "'");
            }
            if (principals.isEmpty()) {
                throw new IllegalArgumentException("turnpike.management.credentials.<accessKeyId>.secretKey: the "
                        + "management API is enabled but no one may call it; configure at least one key");
            }
            for (IamPrincipal p : principals) {
                if (p.secretKey().isEmpty()) {
                    throw new IllegalArgumentException(CREDENTIALS + p.accessKeyId() + ".secretKey: empty value");
                }
            }
        }
        return new ManagementSettings(enabled, path, IamCredentials.of(principals.toArray(IamPrincipal[]::new)),
                region);
    }
}
