package dev.turnpike.runtime.auth.sigv4;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** SigV4's URI encoding: every byte but {@code A-Z a-z 0-9 - _ . ~} becomes {@code %XX}, upper-case hex. */
final class UriEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriEncoding() {
    }

    /**
     * Encodes text as received, each character by its UTF-8 bytes. A path is encoded this way as it arrived, still
     * percent-encoded, so {@code %2F} becomes {@code %252F}: the spec's "encode each path segment twice".
     */
    static String encode(String text, boolean keepSlash) {
        return encode(text.getBytes(StandardCharsets.UTF_8), keepSlash);
    }

    /**
     * A query key or value as the canonical query holds it: decoded, then encoded once. Decoding works on bytes, so
     * any byte sequence survives; a {@code %} not followed by two hex digits stays a literal {@code %}, and
     * {@code +} stays a literal {@code +} (SigV4 clients send a space as {@code %20}).
     */
    static String reencode(String raw) {
        return encode(decode(raw), false);
    }

    /** The bytes {@code raw} stands for once its {@code %XX} escapes are decoded. */
    static byte[] decode(String raw) {
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream decoded = new ByteArrayOutputStream(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            int high = i + 2 < bytes.length && bytes[i] == '%' ? hexValue(bytes[i + 1]) : -1;
            int low = high >= 0 ? hexValue(bytes[i + 2]) : -1;
            if (low >= 0) {
                decoded.write(high << 4 | low);
                i += 2;
            } else {
                decoded.write(bytes[i]);
            }
        }
        return decoded.toByteArray();
    }

    private static String encode(byte[] bytes, boolean keepSlash) {
        StringBuilder encoded = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            char c = (char) (b & 0xff);
            if (isUnreserved(c) || keepSlash && c == '/') {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
        }
        return encoded.toString();
    }

    private static boolean isUnreserved(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                || c == '-' || c == '_' || c == '.' || c == '~';
    }

    private static int hexValue(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }
}
