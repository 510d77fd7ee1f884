package dev.turnpike.runtime.auth.sigv4;

import dev.turnpike.runtime.config.ConfigException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The IAM identities the gateway knows, looked up by access key id. Plug in another store (a database, a vault)
 * by implementing {@link #find}.
 */
@FunctionalInterface
public interface IamCredentials {

    /** The identity owning this access key id, or empty when the key is unknown. */
    Optional<IamPrincipal> find(String accessKeyId);

    /** A fixed set of identities. */
    static IamCredentials of(IamPrincipal... principals) {
        Map<String, IamPrincipal> byKey = new TreeMap<>();
        for (IamPrincipal principal : principals) {
            byKey.put(principal.accessKeyId(), principal);
        }
        Map<String, IamPrincipal> frozen = Map.copyOf(byKey);
        return accessKeyId -> Optional.ofNullable(accessKeyId == null ? null : frozen.get(accessKeyId));
    }

    /**
     * Reads identities from configuration, one per access key id:
     * <ul>
     *   <li>{@code turnpike.iam.<accessKeyId>.secretKey} — required;</li>
     *   <li>{@code turnpike.iam.<accessKeyId>.accountId} — default {@code turnpike.accountId}, else
     *       {@code 123456789012};</li>
     *   <li>{@code turnpike.iam.<accessKeyId>.arn} — default {@code arn:aws:iam::<accountId>:user/<accessKeyId>};</li>
     *   <li>{@code turnpike.iam.<accessKeyId>.sessionToken} — optional: the key is then temporary and every request
     *       must carry this {@code X-Amz-Security-Token};</li>
     *   <li>{@code turnpike.iam.<accessKeyId>.userId} — optional, for {@code $context.identity.caller/user}; default a
     *       stable {@code AIDA...} id derived from the ARN, shaped like the unique id AWS gives an IAM user.</li>
     * </ul>
     *
     * @throws ConfigException naming every key that is missing or empty
     */
    static IamCredentials fromConfig(Map<String, String> values) {
        return ConfiguredIamCredentials.read(values);
    }
}
