package dev.turnpike.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The backends of the conformance cases, on loopback: {@code /echo} answers 200 with the request body byte for
 * byte; {@code /recorded/<n>} answers case n's recorded integration response (status, headers, body).
 */
final class ConformanceBackend implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<ConformanceCase> cases;

    ConformanceBackend(List<ConformanceCase> cases) throws IOException {
        this.cases = cases;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(executor);
        server.createContext("/", this::answer);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] received = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/recorded/")) {
                JsonObject recorded = cases.get(Integer.parseInt(path.substring("/recorded/".length())))
                        .integrationResponse();
                ConformanceCase.strings(recorded.getJsonObject("headers"))
                        .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
                send(exchange, recorded.getInt("status"),
                        recorded.getString("body").getBytes(StandardCharsets.UTF_8));
            } else {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                send(exchange, 200, received);
            }
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
