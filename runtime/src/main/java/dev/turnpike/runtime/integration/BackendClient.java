package dev.turnpike.runtime.integration;

import dev.turnpike.runtime.config.TurnpikeConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP backend client of integrations outside the REST pipeline (WebSocket routes): the REST gateway's client
 * settings (HTTP/1.1, no redirects, the integration timeout as connect timeout, its own daemon threads) and every
 * request through {@link BackendCalls#send}, so the same per-origin rules apply to both: at most
 * {@code turnpike.backend.maxConnectionsPerOrigin} requests in flight per origin, counted for this client's requests.
 */
public final class BackendClient implements AutoCloseable {

    private final ExecutorService executor;
    private final HttpClient client;
    private final OriginLimits limits;

    private BackendClient(ExecutorService executor, HttpClient client, OriginLimits limits) {
        this.executor = executor;
        this.client = client;
        this.limits = limits;
    }

    /**
     * A client with threads named {@code <threadPrefix>-<n>}.
     *
     * @throws dev.turnpike.runtime.config.ConfigException when {@code turnpike.backend.maxConnectionsPerOrigin} is bad
     */
    public static BackendClient create(String threadPrefix, TurnpikeConfig config) {
        OriginLimits limits = OriginLimits.from(config);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, threadPrefix + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        HttpClient.Builder builder = HttpClient.newBuilder()
                .executor(executor)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofMillis(dev.turnpike.runtime.model.Integration.DEFAULT_TIMEOUT_MILLIS));
        // the selector thread inherits the context loader: the platform one keeps it off the web application's
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
        try {
            return new BackendClient(executor, builder.build(), limits);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The backend's response with its body as text; never blocks the calling thread. */
    public CompletableFuture<HttpResponse<String>> send(URI uri, HttpRequest.Builder request) {
        return BackendCalls.send(client, limits, uri, null, target -> request, HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
