package dev.turnpike.runtime.http;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/** Publishers for bodies that are already in memory: gateway responses, mock responses. */
public final class Bodies {

    private Bodies() {
    }

    /** A body of these bytes, delivered as one item on the first demand. */
    public static Flow.Publisher<List<ByteBuffer>> of(byte[] bytes) {
        return subscriber -> subscriber.onSubscribe(new Flow.Subscription() {
            private final AtomicBoolean done = new AtomicBoolean();

            @Override
            public void request(long n) {
                if (done.compareAndSet(false, true)) {
                    if (n <= 0) {
                        subscriber.onError(new IllegalArgumentException("non-positive demand: " + n));
                        return;
                    }
                    if (bytes.length > 0) {
                        subscriber.onNext(List.of(ByteBuffer.wrap(bytes).asReadOnlyBuffer()));
                    }
                    subscriber.onComplete();
                }
            }

            @Override
            public void cancel() {
                done.set(true);
            }
        });
    }
}
