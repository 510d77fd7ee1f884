package dev.turnpike.filter;

import dev.turnpike.runtime.integration.RequestBodies;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client's request body as a {@link Flow.Publisher}, read with servlet non-blocking I/O: bytes are read only
 * while the subscriber has demand and the container says data is ready, so a slow client or a slow backend never
 * parks a container thread. One subscriber. A body that goes over API Gateway's 10 MB fails with
 * {@link RequestBodies.TooLarge} at that byte, whoever reads it, so no reader holds more than the limit.
 */
final class ServletRequestBody implements Flow.Publisher<ByteBuffer>, ReadListener {

    private static final int CHUNK = 16 * 1024;

    private final ServletInputStream in;
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger drains = new AtomicInteger();
    private volatile Flow.Subscriber<? super ByteBuffer> subscriber;
    private volatile boolean allRead;
    private volatile Throwable readFailure;
    private volatile boolean ended;
    private boolean done;
    private byte[] buffer;
    private long read;

    ServletRequestBody(ServletInputStream in) {
        this.in = in;
    }

    /** Starts listening; call on the container thread that started async processing. */
    void listen() {
        in.setReadListener(this);
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> newSubscriber) {
        if (subscriber != null) {
            newSubscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                }
            });
            newSubscriber.onError(new IllegalStateException("the request body can be read once"));
            return;
        }
        subscriber = newSubscriber;
        newSubscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                if (n <= 0) {
                    readFailure = new IllegalArgumentException("non-positive demand " + n);
                } else {
                    demand.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
                }
                drain();
            }

            @Override
            public void cancel() {
                done = true;
            }
        });
    }

    /** Whether a subscriber (a backend request) took the body. */
    boolean subscribed() {
        return subscriber != null;
    }

    /** Whether the whole body has been read. */
    boolean fullyRead() {
        return ended;
    }

    /**
     * Reads and drops a body nobody subscribed to, then runs {@code then}: the client may send the rest of a body
     * after its answer, and the connection can carry its next request only once that is read.
     */
    void discardThen(Runnable then) {
        subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
            }

            @Override
            public void onError(Throwable throwable) {
                then.run();
            }

            @Override
            public void onComplete() {
                then.run();
            }
        });
    }

    @Override
    public void onDataAvailable() {
        drain();
    }

    @Override
    public void onAllDataRead() {
        allRead = true;
        drain();
    }

    @Override
    public void onError(Throwable t) {
        readFailure = t;
        drain();
    }

    /** Moves bytes from the container to the subscriber; one thread at a time, whoever calls. */
    private void drain() {
        if (drains.getAndIncrement() != 0) {
            return;
        }
        do {
            Flow.Subscriber<? super ByteBuffer> s = subscriber;
            if (s != null && !done) {
                try {
                    pump(s);
                } catch (IOException | RuntimeException e) {
                    done = true;
                    s.onError(e);
                }
            }
        } while (drains.decrementAndGet() != 0);
    }

    private void pump(Flow.Subscriber<? super ByteBuffer> s) throws IOException {
        if (readFailure != null) {
            done = true;
            s.onError(readFailure);
            return;
        }
        while (demand.get() > 0 && !done) {
            if (in.isFinished() || allRead && !in.isReady()) {
                done = true;
                ended = true;
                s.onComplete();
                return;
            }
            if (!in.isReady()) {
                return; // the container calls onDataAvailable when more arrives
            }
            if (buffer == null) {
                buffer = new byte[CHUNK];
            }
            int n = in.read(buffer);
            if (n < 0) {
                done = true;
                ended = true;
                s.onComplete();
                return;
            }
            if (n > 0) {
                read += n;
                if (read > RequestBodies.MAX_BYTES) {
                    done = true;
                    s.onError(new RequestBodies.TooLarge());
                    return;
                }
                demand.decrementAndGet();
                s.onNext(ByteBuffer.wrap(Arrays.copyOf(buffer, n)));
            }
        }
    }
}
