package dev.turnpike.runtime.integration;

import dev.turnpike.runtime.http.ClientRequest;
import dev.turnpike.runtime.response.GatewayError;
import dev.turnpike.runtime.response.GatewayResponseType;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;

/**
 * A client's whole body in memory, for integrations whose templates need it whole. Read without blocking; a body
 * over API Gateway's 10 MB payload limit fails with {@link TooLarge} as soon as it goes over.
 */
public final class RequestBodies {

    /** API Gateway's REST payload limit. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    /**
     * A body over {@link #MAX_BYTES}. Whoever streams a client's body (the servlet filter) fails it with this as soon
     * as it goes over, so every reader, a streaming proxy included, answers REQUEST_TOO_LARGE.
     */
    public static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public TooLarge() {
            super("payload over " + MAX_BYTES + " bytes", null, false, false);
        }
    }

    private RequestBodies() {
    }

    /**
     * The gateway response for a body that could not be read: 413 for one over {@value #MAX_BYTES} bytes, else
     * {@code otherwise} (the client's stream broke).
     */
    public static GatewayError readFailure(Throwable failure, GatewayResponseType otherwise) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof TooLarge ? GatewayError.of(GatewayResponseType.REQUEST_TOO_LARGE, cause.getMessage())
                : GatewayError.of(otherwise, "reading the request body failed: " + cause);
    }

    public static CompletableFuture<byte[]> read(ClientRequest clientRequest) {
        long length = clientRequest.contentLength();
        if (length == 0 || (length < 0 && !clientRequest.headers().contains("Transfer-Encoding"))) {
            return CompletableFuture.completedFuture(new byte[0]);
        }
        if (length > MAX_BYTES) {
            return CompletableFuture.failedFuture(new TooLarge());
        }
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        clientRequest.body().subscribe(new Flow.Subscriber<>() {
            private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(length > 0 ? (int) length : 1024);
            private Flow.Subscription subscription;

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                this.subscription = subscription;
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                if (result.isDone()) {
                    return;
                }
                if (bytes.size() + item.remaining() > MAX_BYTES) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                bytes.writeBytes(chunk);
            }

            @Override
            public void onError(Throwable failure) {
                result.completeExceptionally(failure);
            }

            @Override
            public void onComplete() {
                result.complete(bytes.toByteArray());
            }
        });
        return result;
    }
}
