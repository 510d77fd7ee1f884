package dev.turnpike.runtime.cache;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * A response body passed through to the client as it streams, a copy kept on the side: when the body completes
 * within {@code limit} bytes, the copy goes to {@code complete} (to be cached). A longer body, an error or a client
 * that cancels leaves nothing cached and the client's stream untouched. Nothing waits for the whole body.
 */
final class RecordingBody implements Flow.Publisher<List<ByteBuffer>> {

    private static final System.Logger LOG = System.getLogger(RecordingBody.class.getName());

    private final Flow.Publisher<List<ByteBuffer>> upstream;
    private final int limit;
    private final Consumer<byte[]> complete;

    RecordingBody(Flow.Publisher<List<ByteBuffer>> upstream, int limit, Consumer<byte[]> complete) {
        this.upstream = upstream;
        this.limit = limit;
        this.complete = complete;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super List<ByteBuffer>> downstream) {
        upstream.subscribe(new Flow.Subscriber<List<ByteBuffer>>() {
            private volatile ByteArrayOutputStream copy = new ByteArrayOutputStream();

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                downstream.onSubscribe(new Flow.Subscription() {
                    @Override
                    public void request(long n) {
                        subscription.request(n);
                    }

                    @Override
                    public void cancel() {
                        copy = null;
                        subscription.cancel();
                    }
                });
            }

            @Override
            public void onNext(List<ByteBuffer> item) {
                ByteArrayOutputStream out = copy;
                if (out != null) {
                    for (ByteBuffer buffer : item) {
                        ByteBuffer view = buffer.duplicate(); // the client's reading must not move our position
                        if (out.size() + view.remaining() > limit) {
                            out = null;
                            copy = null;
                            break;
                        }
                        byte[] bytes = new byte[view.remaining()];
                        view.get(bytes);
                        out.write(bytes, 0, bytes.length);
                    }
                }
                downstream.onNext(item);
            }

            @Override
            public void onError(Throwable failure) {
                copy = null;
                downstream.onError(failure);
            }

            @Override
            public void onComplete() {
                ByteArrayOutputStream out = copy;
                copy = null;
                if (out != null) {
                    try {
                        complete.accept(out.toByteArray());
                    } catch (RuntimeException e) {
                        LOG.log(System.Logger.Level.WARNING, "storing a response in the stage cache failed", e);
                    }
                }
                downstream.onComplete();
            }
        });
    }
}
