package dev.turnpike.runtime.cache;

import dev.turnpike.runtime.http.Bodies;
import dev.turnpike.runtime.http.Headers;
import dev.turnpike.runtime.pipeline.MethodResponse;

/**
 * A method response kept in the stage cache: status, headers and the whole body, with the TTL of the method that
 * stored it. Never handed out itself: {@link #toResponse()} gives each hit its own headers.
 */
record CachedResponse(int status, Headers headers, byte[] body, long ttlNanos) {

    MethodResponse toResponse() {
        return new MethodResponse(status, headers.copy(), Bodies.of(body));
    }

    /** About how many bytes the entry holds. */
    int weight() {
        int[] w = {64 + body.length};
        headers.forEach((name, value) -> w[0] += 40 + 2 * (name.length() + value.length()));
        return w[0];
    }
}
