package dev.turnpike.runtime.integration;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Binary payloads as API Gateway treats them: a payload is binary when its media type matches one of the API's
 * {@code binaryMediaTypes} ({@code image/png}, {@code image/*}, {@code *}{@code /*}; a wildcard on the left of
 * the slash alone, {@code *}{@code /png}, never matches). {@code contentHandling} converts between binary and
 * base64 text: {@code CONVERT_TO_TEXT} encodes a binary payload, {@code CONVERT_TO_BINARY} decodes a text one,
 * anything else passes the payload as it is.
 */
final class BinaryPayloads {

    static final String CONVERT_TO_TEXT = "CONVERT_TO_TEXT";
    static final String CONVERT_TO_BINARY = "CONVERT_TO_BINARY";

    /** A text payload that {@code CONVERT_TO_BINARY} could not decode. */
    static final class NotBase64 extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotBase64(IllegalArgumentException cause) {
            super("payload is not base64: " + cause.getMessage(), cause);
        }
    }

    private BinaryPayloads() {
    }

    static boolean isBinary(String contentType, List<String> binaryMediaTypes) {
        if (contentType == null || binaryMediaTypes.isEmpty()) {
            return false;
        }
        String type = mediaType(contentType);
        int slash = type.indexOf('/');
        for (String binary : binaryMediaTypes) {
            String b = binary.toLowerCase(Locale.ROOT);
            if (b.equals("*/*") || b.equals(type)) {
                return true;
            }
            if (slash > 0 && b.endsWith("/*") && b.regionMatches(0, type, 0, slash + 1) && b.length() == slash + 2) {
                return true;
            }
        }
        return false;
    }

    /** The payload after {@code contentHandling}, given whether it is binary now. */
    static byte[] convert(byte[] payload, boolean binary, String contentHandling) {
        if (binary && CONVERT_TO_TEXT.equals(contentHandling)) {
            return Base64.getEncoder().encode(payload);
        }
        if (!binary && CONVERT_TO_BINARY.equals(contentHandling)) {
            try {
                return Base64.getMimeDecoder().decode(new String(payload, StandardCharsets.US_ASCII).trim());
            } catch (IllegalArgumentException e) {
                throw new NotBase64(e);
            }
        }
        return payload;
    }

    /** Whether the payload is binary after {@code contentHandling}. */
    static boolean binaryAfter(boolean binary, String contentHandling) {
        if (CONVERT_TO_TEXT.equals(contentHandling)) {
            return false;
        }
        return binary || CONVERT_TO_BINARY.equals(contentHandling);
    }

    /** {@code text/plain} of {@code Text/Plain; charset=utf-8}. */
    static String mediaType(String header) {
        int semi = header.indexOf(';');
        return (semi < 0 ? header : header.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }
}
