package dev.turnpike.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP backend on loopback, as the petstore's HTTP_PROXY methods see it:
 * <ul>
 *   <li>{@code /bytes/...} answers 200 with the request body, byte for byte (chunked when the query has
 *       {@code chunked=1});</li>
 *   <li>{@code /hold/...} waits until {@link #openGate()} (at most {@link #HOLD_LIMIT_SECONDS}), then answers 200;</li>
 *   <li>anything else answers 201 (or the query's {@code status}) with what it received (method, path and query,
 *       headers, body) as text, after {@code delayMs} milliseconds when the query asks.</li>
 * </ul>
 */
final class Backend implements AutoCloseable {

    static final int HOLD_LIMIT_SECONDS = 30;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final AtomicInteger held = new AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(1);

    Backend() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        server.setExecutor(executor);
        server.createContext("/", this::answer);
        server.start();
    }

    /** {@code host:port}, as the stage variable {@code backendHost} wants it. */
    String hostAndPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Requests waiting at {@code /hold/...} now. */
    int held() {
        return held.get();
    }

    /** From now on, {@code /hold/...} requests wait. */
    void closeGate() {
        gate = new CountDownLatch(1);
    }

    /** Lets every waiting {@code /hold/...} request, and later ones, through. */
    void openGate() {
        gate.countDown();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.startsWith("/bytes/")) {
                send(exchange, 200, "application/octet-stream", body, query != null && query.contains("chunked=1"));
            } else if (path.startsWith("/hold/")) {
                hold();
                send(exchange, 200, "text/plain", ("released " + path).getBytes(StandardCharsets.UTF_8), false);
            } else {
                String delay = queryValue(query, "delayMs");
                if (delay != null) {
                    sleep(Long.parseLong(delay));
                }
                String status = queryValue(query, "status");
                send(exchange, status == null ? 201 : Integer.parseInt(status), "text/plain",
                        describe(exchange, path, query, body), false);
            }
        }
    }

    private void hold() {
        held.incrementAndGet();
        try {
            gate.await(HOLD_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            held.decrementAndGet();
        }
    }

    private static String queryValue(String query, String name) {
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith(name + "=")) {
                    return pair.substring(name.length() + 1);
                }
            }
        }
        return null;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] describe(HttpExchange exchange, String path, String query, byte[] body) {
        StringBuilder sb = new StringBuilder();
        sb.append("method=").append(exchange.getRequestMethod()).append('\n');
        sb.append("uri=").append(path).append(query == null ? "" : "?" + query).append('\n');
        exchange.getRequestHeaders().forEach((name, values) -> values.forEach(v ->
                sb.append("header.").append(name.toLowerCase(Locale.ROOT)).append('=').append(v).append('\n')));
        sb.append("body=").append(new String(body, StandardCharsets.UTF_8));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body, boolean chunked)
            throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.getResponseHeaders().add("X-Backend", "loopback");
        exchange.getResponseHeaders().add("Set-Cookie", "a=1");
        exchange.getResponseHeaders().add("Set-Cookie", "b=2");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, chunked ? 0 : body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        openGate();
        server.stop(0);
        executor.shutdownNow();
    }
}
