package dev.turnpike.runtime.auth.sigv4;

import dev.turnpike.runtime.http.Headers;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What the SigV4 verifier reads from a client request, container-neutral.
 *
 * @param method the HTTP method as received, e.g. {@code GET}
 * @param rawPath the request path exactly as received, still percent-encoded and including the stage prefix
 *     ({@code /prod/pets/7}): API Gateway canonicalises the path the client signed, stage included
 * @param rawQuery the query string as received, without {@code ?}; {@code null} when there is none
 * @param headers every header field as received
 * @param bodySha256Hex the lowercase hex SHA-256 of the body as received ({@code e3b0c442...} for an empty body).
 *     API Gateway signs the payload it received: an {@code x-amz-content-sha256} header is only one more header to
 *     the verifier (signed when listed in {@code SignedHeaders}), never trusted in place of the body's own hash, so
 *     {@code UNSIGNED-PAYLOAD} yields a signature mismatch as it does on API Gateway
 */
public record SignedRequest(String method, String rawPath, String rawQuery, Headers headers, String bodySha256Hex) {

    /** The hex SHA-256 of an empty body. */
    public static final String EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    public SignedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(bodySha256Hex, "bodySha256Hex");
    }

    /** The lowercase hex SHA-256 of {@code bytes}, as {@link #bodySha256Hex} wants a body's. */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
