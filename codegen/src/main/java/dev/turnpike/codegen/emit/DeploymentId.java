package dev.turnpike.codegen.emit;

import dev.turnpike.codegen.model.ApiModel;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A deployment id like API Gateway's (ten lower-case letters and digits), from a SHA-256 of the normalized model:
 * the same definition gives the same id on every machine, whatever its file is called or where it lies, and a
 * change to what the gateway serves gives a new one. Formatting does not count; the order of entries does, as it
 * does in the generated code.
 */
final class DeploymentId {

    private static final BigInteger TEN_BASE36_DIGITS = BigInteger.valueOf(36).pow(10);

    private DeploymentId() {
    }

    static String of(ApiModel model) {
        // The model is records, lists and insertion-ordered maps all the way down: its text is canonical.
        byte[] digest = sha256(model.toString());
        byte[] first8 = Arrays.copyOf(digest, 8);
        String id = new BigInteger(1, first8).mod(TEN_BASE36_DIGITS).toString(36);
        return "0".repeat(10 - id.length()) + id;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
