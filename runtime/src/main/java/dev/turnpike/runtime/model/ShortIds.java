package dev.turnpike.runtime.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Ids that look like API Gateway's (lower-case letters and digits: ten for APIs, keys and plans, six for resources),
 * derived from a SHA-256 of a stable text, so the same thing gets the same id on every start and every node.
 */
public final class ShortIds {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private ShortIds() {
    }

    /** The first {@code length} (at most 32) characters of {@code text}'s id. */
    public static String of(String text, int length) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(ALPHABET.charAt((hash[i] & 0xff) % ALPHABET.length()));
        }
        return id.toString();
    }
}
