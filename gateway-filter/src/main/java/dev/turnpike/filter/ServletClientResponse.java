package dev.turnpike.filter;

import dev.turnpike.runtime.http.ClientResponse;
import dev.turnpike.runtime.http.Headers;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;

/** Sends the pipeline's answer through the servlet response, the body with non-blocking writes. */
final class ServletClientResponse implements ClientResponse {

    /** The most of an unread request body read and dropped to keep the connection; past it, the connection closes. */
    static final long DRAIN_LIMIT = 1024 * 1024;

    private final HttpServletResponse response;
    private final ServletResponseBody body;
    private final ServletRequestBody requestBody;
    private final long requestLength;
    private final AsyncContext async;

    /**
     * @param requestBody the request's body, or {@code null} when the request declares none
     * @param requestLength its declared length, -1 when chunked
     */
    ServletClientResponse(HttpServletResponse response, ServletResponseBody body, ServletRequestBody requestBody,
            long requestLength, AsyncContext async) {
        this.response = response;
        this.body = body;
        this.requestBody = requestBody;
        this.requestLength = requestLength;
        this.async = async;
    }

    @Override
    public void send(int status, Headers headers, Flow.Publisher<List<ByteBuffer>> responseBody) {
        response.setStatus(status);
        headers.forEach((name, value) -> {
            if (name.equalsIgnoreCase("Content-Length")) {
                response.setContentLengthLong(Long.parseLong(value));
            } else {
                response.addHeader(name, value);
            }
        });
        if (requestBody != null && !requestBody.fullyRead()) {
            // Answered before the request body was read (a MOCK, an error, a backend answering early). HTTP/1.1
            // lets the client keep sending it; the connection is only reusable once it has all been read.
            if (!requestBody.subscribed() && requestLength >= 0 && requestLength <= DRAIN_LIMIT) {
                body.afterBody(() -> requestBody.discardThen(async::complete));
            } else {
                response.setHeader("Connection", "close");
            }
        }
        responseBody.subscribe(body);
    }
}
