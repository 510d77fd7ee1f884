package dev.turnpike.runtime.websocket;

import dev.turnpike.runtime.auth.sigv4.IamCredentials;
import dev.turnpike.runtime.auth.sigv4.SigV4Failure;
import dev.turnpike.runtime.auth.sigv4.SigV4Result;
import dev.turnpike.runtime.auth.sigv4.SigV4Verifier;
import dev.turnpike.runtime.auth.sigv4.SignedRequest;
import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.http.Headers;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code @connections} management API: {@code POST /{stage}/@connections/{id}} sends the body to the client,
 * {@code GET} reports the connection, {@code DELETE} closes it. Every call is SigV4-signed for {@code execute-api}
 * by a configured IAM identity ({@code turnpike.iam.<accessKeyId>.*}); a connection that is not open is
 * {@code 410 GoneException}.
 */
public final class ConnectionsEndpoint {

    /** An HTTP answer: status, headers, body ({@code null} for none). */
    public record Answer(int status, Map<String, String> headers, String body) {
    }

    private final SigV4Verifier sigV4;
    private final Connections connections;

    ConnectionsEndpoint(TurnpikeConfig config, Connections connections) {
        this.sigV4 = SigV4Verifier.forExecuteApi(IamCredentials.fromConfig(config.values()), config.region());
        this.connections = connections;
    }

    /**
     * Answers one call. Never completes exceptionally.
     *
     * @param rawPath the path as the client sent it (percent-encoded), which it signed
     * @param connectionId the path's last segment, decoded
     */
    public CompletableFuture<Answer> handle(String method, String rawPath, String rawQuery, Headers headers,
            byte[] body, String connectionId) {
        String requestId = UUID.randomUUID().toString();
        if (!method.equals("POST") && !method.equals("GET") && !method.equals("DELETE")) {
            return done(error(403, "Missing Authentication Token", "MissingAuthenticationTokenException", requestId));
        }
        SigV4Result verified = sigV4.verify(new SignedRequest(method, rawPath, rawQuery, headers,
                SignedRequest.sha256Hex(body)), Instant.now());
        if (verified instanceof SigV4Failure failure) {
            return done(error(failure.status(), failure.message(), failure.errorType(), requestId));
        }
        return switch (method) {
            case "POST" -> {
                if (body.length > WebSocketSettings.MAX_MESSAGE_BYTES) {
                    yield done(error(413, "Request entity too large", "PayloadTooLargeException", requestId));
                }
                yield connections.post(connectionId, new String(body, StandardCharsets.UTF_8))
                        .thenApply(sent -> sent ? answer(200, null, requestId) : gone(requestId));
            }
            case "GET" -> connections.info(connectionId)
                    .thenApply(info -> info == null ? gone(requestId) : answer(200, json(info), requestId));
            default -> connections.disconnect(connectionId)
                    .thenApply(closed -> closed ? answer(204, null, requestId) : gone(requestId));
        };
    }

    private static CompletableFuture<Answer> done(Answer answer) {
        return CompletableFuture.completedFuture(answer);
    }

    private static String json(ConnectionInfo info) {
        var identity = Json.createObjectBuilder().add("SourceIp", info.sourceIp());
        if (info.userAgent() != null) {
            identity.add("UserAgent", info.userAgent());
        }
        return Json.createObjectBuilder().add("ConnectedAt", info.connectedAt().toString())
                .add("Identity", identity).add("LastActiveAt", info.lastActiveAt().toString()).build().toString();
    }

    /** API Gateway's answer for a connection that is not open: 410, {@code {"message":null}}, GoneException. */
    private static Answer gone(String requestId) {
        return new Answer(410, Map.of("Content-Type", "application/json", "x-amzn-RequestId", requestId,
                "x-amzn-ErrorType", "GoneException"), "{\"message\":null}");
    }

    private static Answer error(int status, String message, String errorType, String requestId) {
        return new Answer(status, Map.of("Content-Type", "application/json", "x-amzn-RequestId", requestId,
                "x-amzn-ErrorType", errorType),
                Json.createObjectBuilder().add("message", message).build().toString());
    }

    private static Answer answer(int status, String body, String requestId) {
        return new Answer(status, body == null ? Map.of("x-amzn-RequestId", requestId)
                : Map.of("Content-Type", "application/json", "x-amzn-RequestId", requestId), body);
    }
}
