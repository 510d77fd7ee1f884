package dev.turnpike.runtime.auth.sigv4;

import dev.turnpike.runtime.config.ConfigException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code turnpike.iam.*} keys once, at start. */
final class ConfiguredIamCredentials {
    private static final Pattern IAM_KEY =
            Pattern.compile("turnpike\\.iam\\.([^.]+)\\.(secretKey|accountId|arn|sessionToken|userId)");
    private static final String DEFAULT_ACCOUNT_ID = "123456789012";
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private ConfiguredIamCredentials() {
    }

    static IamCredentials read(Map<String, String> values) {
        Map<String, Map<String, String>> fieldsByKeyId = new TreeMap<>();
        values.forEach((key, value) -> {
            Matcher matcher = IAM_KEY.matcher(key);
            if (matcher.matches()) {
                fieldsByKeyId.computeIfAbsent(matcher.group(1), id -> new TreeMap<>())
                        .put(matcher.group(2), value);
            }
        });
        String defaultAccountId = nonEmptyOr(values.get("turnpike.accountId"), DEFAULT_ACCOUNT_ID);
        List<String> problems = new ArrayList<>();
        List<IamPrincipal> principals = new ArrayList<>();
        fieldsByKeyId.forEach((accessKeyId, fields) -> {
            Function<String, String> keyOf = field -> "turnpike.iam." + accessKeyId + "." + field;
            for (Map.Entry<String, String> field : fields.entrySet()) {
                if (field.getValue() == null || field.getValue().isBlank()) {
                    problems.add(keyOf.apply(field.getKey()) + ": must not be empty");
                }
            }
            String secretKey = fields.get("secretKey");
            if (secretKey == null) {
                problems.add(keyOf.apply("secretKey") + ": required for IAM access key " + accessKeyId);
                return;
            }
            String accountId = nonEmptyOr(fields.get("accountId"), defaultAccountId);
            String arn = nonEmptyOr(fields.get("arn"), "arn:aws:iam::" + accountId + ":user/" + accessKeyId);
            String sessionToken = nonEmptyOr(fields.get("sessionToken"), null);
            String userId = nonEmptyOr(fields.get("userId"), uniqueIdFor(arn));
            principals.add(new IamPrincipal(accessKeyId, secretKey, sessionToken, accountId, arn, userId));
        });
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return IamCredentials.of(principals.toArray(IamPrincipal[]::new));
    }

    private static String nonEmptyOr(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    /** AWS ids an IAM user as {@code AIDA} and 17 base-32 characters; a hash of the ARN keeps it stable. */
    static String uniqueIdFor(String arn) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(arn.getBytes(StandardCharsets.UTF_8));
            StringBuilder id = new StringBuilder("AIDA");
            for (int i = 0; i < 17; i++) {
                id.append(BASE32[(hash[i] & 0xff) % BASE32.length]);
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
