package dev.turnpike.runtime.websocket;

import dev.turnpike.runtime.http.Headers;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A client's opening request, before the gateway decides on it.
 *
 * @param stage the stage named by the path ({@code wss://host/{stage}})
 * @param headers the request's headers
 * @param query the query string's parameters, decoded, in order
 * @param sourceIp the client's address
 * @param domainName the {@code Host} the client connected to, without its port
 */
public record Handshake(String stage, Headers headers, Map<String, List<String>> query, String sourceIp,
        String domainName) {

    public Handshake {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(headers, "headers");
        query = Map.copyOf(query);
    }
}
