package dev.turnpike.runtime.integration;

import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.response.GatewayError;
import dev.turnpike.runtime.response.GatewayResponseType;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Sends a backend request, directly or through a VPC link: there, to the link's targets in turn, skipping a target
 * that refuses the connection, with the integration uri's host in {@code Host}.
 */
final class BackendCalls {

    private static final System.Logger LOG = System.getLogger(BackendCalls.class.getName());
    private static final String RESTRICTED_HEADERS = "jdk.httpclient.allowRestrictedHeaders";
    private static final AtomicBoolean HOST_WARNED = new AtomicBoolean();
    /** A request without a timeout of its own (none here: each integration sets one) waits for a turn this long. */
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(Integration.DEFAULT_TIMEOUT_MILLIS);
    /** Below this, the wait for a turn is not worth a copy of the request with a shorter timeout. */
    private static final long WAIT_WORTH_RETIMING = 1_000_000;

    private BackendCalls() {
    }

    /**
     * Lets the JDK client send the {@code Host} a VPC link needs. The client reads this property once, when it is
     * first used in the JVM, so the gateway calls this before it builds its client; where some other code used the
     * client first, VPC link requests carry the target's host instead (logged once).
     */
    static void allowHostHeader() {
        String allowed = System.getProperty(RESTRICTED_HEADERS);
        if (allowed == null || allowed.isBlank()) {
            System.setProperty(RESTRICTED_HEADERS, "host");
        } else if (!allowed.toLowerCase(java.util.Locale.ROOT).contains("host")) {
            System.setProperty(RESTRICTED_HEADERS, allowed + ",host");
        }
    }

    /**
     * The backend's response. {@code request} builds the request for a target uri; the builder it returns gets
     * {@code Host} here when the call goes through a link.
     */
    static <T> CompletableFuture<HttpResponse<T>> send(HttpClient client, OriginLimits limits, URI uri,
            VpcLinks.Link link, Function<URI, HttpRequest.Builder> request, HttpResponse.BodyHandler<T> body) {
        if (link == null) {
            return sendInTurn(client, limits, request.apply(uri).build(), body);
        }
        return sendToTargets(client, limits, uri, link.turn(), 0, request, body);
    }

    /**
     * Sends {@code request} once its origin has a free place ({@link OriginLimits}), and frees it when the response
     * future completes: for a streamed body (HTTP_PROXY) that is when the response head arrived. The wait for a place
     * counts towards the request's timeout, as time waiting for a slow backend would.
     */
    private static <T> CompletableFuture<HttpResponse<T>> sendInTurn(HttpClient client, OriginLimits limits,
            HttpRequest request, HttpResponse.BodyHandler<T> body) {
        Duration timeout = request.timeout().orElse(DEFAULT_TIMEOUT);
        long asked = System.nanoTime();
        return limits.acquire(request.uri(), timeout).thenCompose(permit -> {
            long waited = System.nanoTime() - asked;
            HttpRequest timed = waited < WAIT_WORTH_RETIMING ? request
                    : HttpRequest.newBuilder(request, (name, value) -> true)
                            .timeout(timeout.minusNanos(Math.min(waited, timeout.toNanos() - 1_000_000))).build();
            CompletableFuture<HttpResponse<T>> response;
            try {
                response = sendAsync(client, timed, body);
            } catch (RuntimeException e) {
                permit.release();
                throw e;
            }
            response.whenComplete((done, failure) -> permit.release());
            return response;
        });
    }

    /**
     * {@link HttpClient#sendAsync}, unless it would start a thread per request: it completes on
     * {@code CompletableFuture}'s default executor, which on a machine with two or fewer CPUs (a common pool of
     * parallelism 1) is a new thread per task. Measured on the 2-CPU build machine: 19,415 thread starts in 20 s
     * at 965 requests/s (docs/performance.md). There the call runs on the client's own executor (the gateway's
     * backend threads, reused) instead; container threads never wait either way, and each request's own timeout
     * bounds the wait.
     */
    private static <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpClient client, HttpRequest request,
            HttpResponse.BodyHandler<T> body) {
        if (ForkJoinPool.getCommonPoolParallelism() > 1 || client.executor().isEmpty()) {
            return client.sendAsync(request, body);
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return client.send(request, body);
            } catch (IOException e) {
                // send() rethrows a failure of the async machinery as a plain IOException around the original
                // (BoundedBodies.TooLarge, say); the original is what sendAsync would have failed with.
                throw new CompletionException(e.getClass() == IOException.class && e.getCause() instanceof IOException
                        ? e.getCause() : e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        }, client.executor().get());
    }

    private static <T> CompletableFuture<HttpResponse<T>> sendToTargets(HttpClient client, OriginLimits limits,
            URI uri, List<String> targets, int index, Function<URI, HttpRequest.Builder> request,
            HttpResponse.BodyHandler<T> body) {
        HttpRequest.Builder builder = request.apply(VpcLinks.toTarget(uri, targets.get(index)));
        try {
            builder.setHeader("Host", VpcLinks.hostHeader(uri));
        } catch (IllegalArgumentException e) {
            if (HOST_WARNED.compareAndSet(false, true)) {
                LOG.log(System.Logger.Level.WARNING, "VPC link requests carry the target's Host: start the JVM with -D"
                        + RESTRICTED_HEADERS + "=host to send the integration uri's host");
            }
        }
        return sendInTurn(client, limits, builder.build(), body).handle((response, failure) -> {
            if (failure == null) {
                return CompletableFuture.completedFuture(response);
            }
            if (index + 1 < targets.size() && refused(failure)) {
                LOG.log(System.Logger.Level.DEBUG, () -> "VPC link target " + targets.get(index) + " refused: "
                        + cause(failure) + "; trying " + targets.get(index + 1));
                return sendToTargets(client, limits, uri, targets, index + 1, request, body);
            }
            return CompletableFuture.<HttpResponse<T>>failedFuture(failure);
        }).thenCompose(Function.identity());
    }

    private static boolean refused(Throwable failure) {
        Throwable cause = cause(failure);
        return cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException;
    }

    static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /**
     * A backend that did not answer: a timeout is AWS's 504 {@code Endpoint request timed out}; a client body that
     * went over 10 MB while it was streamed to the backend is the client's 413, not the backend's failure.
     */
    static GatewayError failureToError(Throwable failure, URI target) {
        Throwable cause = cause(failure);
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (c instanceof RequestBodies.TooLarge) {
                return GatewayError.of(GatewayResponseType.REQUEST_TOO_LARGE, "client body streamed to " + target
                        + ": " + c.getMessage());
            }
        }
        if (cause instanceof OriginLimits.Saturated) {
            return GatewayError.of(GatewayResponseType.INTEGRATION_TIMEOUT, "no turn to call " + target + ": "
                    + cause.getMessage());
        }
        if (cause instanceof HttpTimeoutException) {
            return GatewayError.of(GatewayResponseType.INTEGRATION_TIMEOUT, "no response from " + target
                    + " within the integration timeout");
        }
        LOG.log(System.Logger.Level.DEBUG, () -> "backend " + target + " failed", cause);
        return GatewayError.of(GatewayResponseType.INTEGRATION_FAILURE, "backend " + target + " failed: " + cause);
    }
}
