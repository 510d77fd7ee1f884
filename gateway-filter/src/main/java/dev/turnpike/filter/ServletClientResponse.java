package dev.turnpike.filter;

import dev.turnpike.runtime.http.ClientResponse;
import dev.turnpike.runtime.http.Headers;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;

/** Sends the pipeline's answer through the servlet response, the body with non-blocking writes. */
final class ServletClientResponse implements ClientResponse {

    private final HttpServletResponse response;
    private final ServletResponseBody body;

    ServletClientResponse(HttpServletResponse response, ServletResponseBody body) {
        this.response = response;
        this.body = body;
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
        responseBody.subscribe(body);
    }
}
