package dev.turnpike.runtime.integration;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.turnpike.runtime.auth.sigv4.IamCredentials;
import dev.turnpike.runtime.auth.sigv4.IamPrincipal;
import dev.turnpike.runtime.auth.sigv4.SigV4Result;
import dev.turnpike.runtime.auth.sigv4.SigV4Verifier;
import dev.turnpike.runtime.auth.sigv4.SignedRequest;
import dev.turnpike.runtime.http.Headers;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An AWS service on loopback: every request must carry a valid SigV4 signature for {@link #ACCESS_KEY} in
 * {@code region} and {@code service}, checked by the gateway's own verifier (else 403 with the failure); a valid
 * one is answered by the test's {@link Handler}. The credentials reach the gateway through the SDK's default
 * provider chain: {@link #useCredentials()} sets them as the {@code aws.accessKeyId} and
 * {@code aws.secretAccessKey} system properties.
 */
final class SignedLoopbackServer implements AutoCloseable {

    static final String ACCESS_KEY = "AKIDTURNPIKETEST";
    static final String SECRET_KEY = "turnpike-test-secret";

    /** A signed request as the server received it. */
    record Received(String method, String rawPath, String rawQuery, com.sun.net.httpserver.Headers headers,
            String body) {
    }

    /** The service's answer. */
    record Reply(int status, Map<String, String> headers, String body) {
    }

    interface Handler {
        Reply handle(Received request) throws Exception;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    SignedLoopbackServer(String region, String service, Handler handler) throws IOException {
        IamPrincipal caller = new IamPrincipal(ACCESS_KEY, SECRET_KEY, null, "123456789012",
                "arn:aws:iam::123456789012:user/turnpike", "AIDATURNPIKETEST");
        SigV4Verifier verifier = new SigV4Verifier(IamCredentials.of(caller), region, service);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Headers headers = new Headers();
                exchange.getRequestHeaders().forEach((name, values) -> values.forEach(v -> headers.add(name, v)));
                SignedRequest signed = new SignedRequest(exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(), headers,
                        SignedRequest.sha256Hex(body));
                SigV4Result result = verifier.verify(signed, Instant.now());
                Reply reply;
                if (result instanceof SigV4Result.Verified) {
                    reply = handler.handle(new Received(exchange.getRequestMethod(),
                            exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                            exchange.getRequestHeaders(), new String(body, StandardCharsets.UTF_8)));
                } else {
                    reply = new Reply(403, Map.of("Content-Type", "application/json"),
                            "{\"message\": \"signature rejected: " + result + "\"}");
                }
                send(exchange, reply);
            } catch (Exception e) {
                send(exchange, new Reply(500, Map.of(), "test server failed: " + e));
            }
        });
        server.start();
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    /** The default provider chain's first source: system properties. */
    static void useCredentials() {
        System.setProperty("aws.accessKeyId", ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", SECRET_KEY);
    }

    static void forgetCredentials() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    static Map<String, String> json() {
        return Map.of("Content-Type", "application/json");
    }
}
