package dev.turnpike.runtime.http;

import java.nio.ByteBuffer;
import java.util.concurrent.Flow;

/**
 * A request held in memory, as if it had come over HTTPS from {@code 127.0.0.1}: what a test invoke sends through
 * the pipeline without a container, and what tests drive a gateway with.
 *
 * @param rawQuery the query string as sent, without {@code ?}; {@code null} for none
 */
public record InMemoryRequest(String method, String path, String rawQuery, Headers headers, byte[] bytes)
        implements ClientRequest {

    @Override
    public String remoteAddress() {
        return "127.0.0.1";
    }

    @Override
    public boolean secure() {
        return true;
    }

    @Override
    public int localPort() {
        return 443;
    }

    @Override
    public long contentLength() {
        return bytes.length;
    }

    /** The body in one buffer, on the first demand. */
    @Override
    public Flow.Publisher<ByteBuffer> body() {
        return subscriber -> subscriber.onSubscribe(new Flow.Subscription() {
            private boolean sent;

            @Override
            public void request(long n) {
                if (!sent) {
                    sent = true;
                    if (bytes.length > 0) {
                        subscriber.onNext(ByteBuffer.wrap(bytes));
                    }
                    subscriber.onComplete();
                }
            }

            @Override
            public void cancel() {
                sent = true;
            }
        });
    }
}
