package dev.turnpike.runtime.websocket;

import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ids in API Gateway's WebSocket style, 10 random bytes in base64 ({@code L0SM9cOFvHcCIhw=}); the URL-safe alphabet,
 * so that a connection id is always one path segment of {@code @connections/{id}}.
 */
final class Ids {

    private Ids() {
    }

    static String next() {
        byte[] bytes = new byte[10];
        ThreadLocalRandom.current().nextBytes(bytes);
        return Base64.getUrlEncoder().encodeToString(bytes);
    }
}
