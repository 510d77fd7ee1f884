package dev.turnpike.runtime.pipeline;

import dev.turnpike.runtime.http.ClientRequest;
import dev.turnpike.runtime.http.Headers;
import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/** A client request whose body a step has read already: the same request, the body replayed from memory. */
final class ReplayedRequest implements ClientRequest {

    private final ClientRequest request;
    private final byte[] body;

    ReplayedRequest(ClientRequest request, byte[] body) {
        this.request = request;
        this.body = body;
    }

    @Override
    public String method() {
        return request.method();
    }

    @Override
    public String path() {
        return request.path();
    }

    @Override
    public String requestUri() {
        return request.requestUri();
    }

    @Override
    public String rawQuery() {
        return request.rawQuery();
    }

    @Override
    public Headers headers() {
        return request.headers();
    }

    @Override
    public String remoteAddress() {
        return request.remoteAddress();
    }

    @Override
    public boolean secure() {
        return request.secure();
    }

    @Override
    public X509Certificate clientCertificate() {
        return request.clientCertificate();
    }

    @Override
    public int localPort() {
        return request.localPort();
    }

    @Override
    public long contentLength() {
        return body.length;
    }

    @Override
    public Flow.Publisher<ByteBuffer> body() {
        return subscriber -> subscriber.onSubscribe(new Flow.Subscription() {
            private final AtomicBoolean done = new AtomicBoolean();

            @Override
            public void request(long n) {
                if (done.compareAndSet(false, true)) {
                    if (body.length > 0) {
                        subscriber.onNext(ByteBuffer.wrap(body).asReadOnlyBuffer());
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
