package dev.turnpike.runtime.auth.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derives SigV4 signing keys, remembering them: a key is four chained HMACs and stays the same for a secret,
 * day, region and service, so a busy gateway derives each one once a day instead of once a request.
 */
final class SigningKeys {
    /** Keys are per day: when the cache fills, most entries are yesterday's, so starting afresh is cheap. */
    private static final int CAPACITY = 1024;
    private static final HexFormat HEX = HexFormat.of();

    private final ConcurrentHashMap<String, byte[]> keys = new ConcurrentHashMap<>();

    byte[] signingKey(String secretKey, CredentialScope scope) {
        String cacheKey = secretKey + '\n' + scope.date() + '\n' + scope.region() + '\n' + scope.service();
        byte[] cached = keys.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        byte[] derived = derive(secretKey, scope);
        if (keys.size() >= CAPACITY) {
            keys.clear();
        }
        keys.put(cacheKey, derived);
        return derived;
    }

    int size() {
        return keys.size();
    }

    static byte[] derive(String secretKey, CredentialScope scope) {
        byte[] dateKey = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), scope.date());
        byte[] regionKey = hmac(dateKey, scope.region());
        byte[] serviceKey = hmac(regionKey, scope.service());
        return hmac(serviceKey, CredentialScope.TERMINATOR);
    }

    static String hmacHex(byte[] key, String data) {
        return HEX.formatHex(hmac(key, data));
    }

    static String sha256Hex(String data) {
        return SignedRequest.sha256Hex(data.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }
}
