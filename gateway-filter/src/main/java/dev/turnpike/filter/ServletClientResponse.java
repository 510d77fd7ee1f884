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

    private static final System.Logger LOG = System.getLogger(ServletClientResponse.class.getName());

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
            if (!isToken(name)) {
                LOG.log(System.Logger.Level.WARNING, () -> "response header dropped: its name is not a token: "
                        + name.replaceAll("\\p{Cntrl}", "?"));
            } else if (name.equalsIgnoreCase("Content-Length")) {
                response.setContentLengthLong(Long.parseLong(value));
            } else {
                response.addHeader(name, withoutControls(value));
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

    /**
     * Whether {@code name} is an RFC 9110 token. Mapped names come from templates ({@code responseOverride}) and
     * Lambda results; a name with a colon or CR/LF would write a header the API never declared.
     */
    static boolean isToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c > '~' || c <= ' ' || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code value} with each control character but HTAB replaced by a space, as RFC 9110 §5.5 lets a recipient
     * do: values come from clients and backends, and CR/LF would split the response in a container that writes
     * them as they are (Jetty 12 and Tomcat replace them themselves).
     */
    static String withoutControls(String value) {
        StringBuilder clean = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < ' ' && c != '\t') || c == 0x7f) {
                if (clean == null) {
                    clean = new StringBuilder(value);
                }
                clean.setCharAt(i, ' ');
            }
        }
        return clean == null ? value : clean.toString();
    }
}
