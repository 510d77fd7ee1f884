package dev.turnpike.runtime.http;

import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.util.concurrent.Flow;

/**
 * The client's request as the container received it: the small, container-neutral view the pipeline sees
 * instead of {@code HttpServletRequest}.
 */
public interface ClientRequest {

    /** Upper-case method. */
    String method();

    /** The path below the web application's context path, still percent-encoded, starting with {@code /}. */
    String path();

    /**
     * The path as the client sent it, the web application's context path included, percent-encoded: what a SigV4
     * signature covers. The same as {@link #path()} where the gateway is at the root.
     */
    default String requestUri() {
        return path();
    }

    /** The query string as received (percent-encoded), without {@code ?}; {@code null} when there is none. */
    String rawQuery();

    Headers headers();

    /** The client's address (the TCP peer). */
    String remoteAddress();

    /** Whether the request reached the gateway over HTTPS (the container's view; see the filter for proxies). */
    boolean secure();

    /**
     * The certificate the client presented in the TLS handshake (the leaf of its chain, which is all API Gateway
     * exposes as {@code $context.identity.clientCert}); {@code null} when it presented none or the container does
     * not ask for one.
     */
    default X509Certificate clientCertificate() {
        return null;
    }

    /** The port the client connected to, for {@code X-Forwarded-Port}. */
    int localPort();

    /** The declared body length, or -1 when unknown (chunked). */
    long contentLength();

    /**
     * The body, streamed: subscribe once. Reading never blocks a container thread; a publisher that is never
     * subscribed leaves the body unread.
     */
    Flow.Publisher<ByteBuffer> body();
}
