package dev.turnpike.filter;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP backend on loopback: answers with what it received (method, path with query, headers, body) as
 * text; {@code /sleep/N} waits N ms first.
 */
final class EchoBackend implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    EchoBackend() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(executor);
        server.createContext("/", this::answer);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (path.startsWith("/sleep/")) {
            try {
                Thread.sleep(Long.parseLong(path.substring("/sleep/".length()).split("/")[0]));
            } catch (InterruptedException | NumberFormatException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        StringBuilder sb = new StringBuilder();
        sb.append("method=").append(exchange.getRequestMethod()).append('\n');
        sb.append("uri=").append(exchange.getRequestURI().getRawPath());
        if (exchange.getRequestURI().getRawQuery() != null) {
            sb.append('?').append(exchange.getRequestURI().getRawQuery());
        }
        sb.append('\n');
        exchange.getRequestHeaders().forEach((name, values) ->
                values.forEach(v -> sb.append("header.").append(name.toLowerCase()).append('=').append(v).append('\n')));
        sb.append("body=").append(new String(body, StandardCharsets.UTF_8));
        byte[] out = sb.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain");
        exchange.getResponseHeaders().add("X-Backend", "echo");
        exchange.sendResponseHeaders(201, out.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(out);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
