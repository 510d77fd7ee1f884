package dev.turnpike.filter;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes a streamed body to the client with servlet non-blocking I/O, asking the body's publisher for the next
 * chunk only once the previous one is written: a slow client slows the backend instead of filling memory or
 * parking a thread. Ends the async exchange when the body ends.
 */
final class ServletResponseBody implements Flow.Subscriber<List<ByteBuffer>> {

    private static final System.Logger LOG = System.getLogger(ServletResponseBody.class.getName());

    private final ServletOutputStream out;
    private final AsyncContext async;
    private final Queue<ByteBuffer> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger drains = new AtomicInteger();
    private volatile Flow.Subscription subscription;
    private volatile boolean bodyComplete;
    private volatile boolean finished;
    private volatile boolean requested;
    private volatile Runnable afterBody;
    private byte[] copyBuffer;

    ServletResponseBody(ServletOutputStream out, AsyncContext async) {
        this.out = out;
        this.async = async;
        this.afterBody = async::complete;
    }

    /** What ends the exchange once the body is written; by default completing it at once. */
    void afterBody(Runnable action) {
        this.afterBody = action;
    }

    /** Starts listening; call on the container thread that started async processing. */
    void listen() {
        out.setWriteListener(new WriteListener() {
            @Override
            public void onWritePossible() {
                drain();
            }

            @Override
            public void onError(Throwable t) {
                containerFailed(t);
            }
        });
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        drain();
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        pending.addAll(items);
        requested = false;
        drain();
    }

    @Override
    public void onComplete() {
        bodyComplete = true;
        drain();
    }

    @Override
    public void onError(Throwable t) {
        // The status line is already on its way; the only honest signal left is an incomplete body. Completing
        // normally would end a chunked body with its last chunk, and a backend's half answer would look whole.
        LOG.log(System.Logger.Level.WARNING, "response body failed after the status was sent", t);
        abortConnection();
        finish();
    }

    /**
     * Closes the client connection without ending the response. {@code sendError(-1)} is how Jetty's own proxy
     * servlet asks for that; a container that refuses it (the status is committed) gets the connection closed
     * after the response instead.
     */
    private void abortConnection() {
        if (async.getResponse() instanceof HttpServletResponse response) {
            try {
                response.sendError(-1);
            } catch (IOException | IllegalStateException | IllegalArgumentException refused) {
                LOG.log(System.Logger.Level.DEBUG, "the container cannot abort the response", refused);
            }
        }
    }

    /** The container's write failure (client gone): stop pulling from the backend. */
    void containerFailed(Throwable t) {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        finish();
    }

    private void drain() {
        if (drains.getAndIncrement() != 0) {
            return;
        }
        do {
            try {
                write();
            } catch (IOException | RuntimeException e) {
                containerFailed(e);
            }
        } while (drains.decrementAndGet() != 0);
    }

    private void write() throws IOException {
        Flow.Subscription s = subscription;
        if (s == null || finished) {
            return;
        }
        while (out.isReady()) {
            ByteBuffer next = pending.peek();
            if (next == null) {
                if (bodyComplete) {
                    // Out to the client now: what follows may wait on the client (reading the rest of its body).
                    out.flush();
                    finished = true;
                    afterBody.run();
                } else if (!requested) {
                    requested = true;
                    s.request(1);
                }
                return;
            }
            if (next.hasRemaining()) {
                writeBuffer(next);
            }
            if (!next.hasRemaining()) {
                pending.poll();
            }
        }
    }

    private void writeBuffer(ByteBuffer b) throws IOException {
        if (b.hasArray()) {
            int n = b.remaining();
            out.write(b.array(), b.arrayOffset() + b.position(), n);
            b.position(b.position() + n);
        } else {
            // Sized to what is written, up to 16 KiB: most bodies are small, and a fixed 16 KiB per response was a
            // third of the bytes a MOCK request allocated (docs/performance.md).
            if (copyBuffer == null || copyBuffer.length < Math.min(b.remaining(), 16 * 1024)) {
                copyBuffer = new byte[Math.min(b.remaining(), 16 * 1024)];
            }
            int n = Math.min(b.remaining(), copyBuffer.length);
            b.get(copyBuffer, 0, n);
            out.write(copyBuffer, 0, n);
        }
    }

    private void finish() {
        if (!finished) {
            finished = true;
            async.complete();
        }
    }
}
