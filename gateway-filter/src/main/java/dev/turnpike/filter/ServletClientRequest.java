package dev.turnpike.filter;

import dev.turnpike.runtime.http.ClientRequest;
import dev.turnpike.runtime.http.Headers;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.util.Enumeration;
import java.util.Locale;
import java.util.concurrent.Flow;

/** The runtime's view of a servlet request. Read once, on the container thread, when the request arrives. */
final class ServletClientRequest implements ClientRequest {

    /** Where the Servlet specification puts the client's certificate chain, leaf first, on a TLS request. */
    private static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    private final String method;
    private final String path;
    private final String requestUri;
    private final String rawQuery;
    private final Headers headers;
    private final String remoteAddress;
    private final boolean secure;
    private final X509Certificate clientCertificate;
    private final int localPort;
    private final long contentLength;
    private final ServletRequestBody body;

    ServletClientRequest(HttpServletRequest request, boolean secure, ServletRequestBody body) {
        this.method = request.getMethod().toUpperCase(Locale.ROOT);
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        this.path = withoutDotSegments(context.isEmpty() ? uri : uri.substring(context.length()));
        this.requestUri = uri;
        this.rawQuery = request.getQueryString();
        this.headers = new Headers();
        for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements();) {
            String name = names.nextElement();
            for (Enumeration<String> values = request.getHeaders(name); values.hasMoreElements();) {
                headers.add(name, values.nextElement());
            }
        }
        this.remoteAddress = request.getRemoteAddr();
        this.secure = secure;
        this.clientCertificate = request.getAttribute(CERTIFICATES) instanceof X509Certificate[] chain
                && chain.length > 0 ? chain[0] : null;
        this.localPort = request.getLocalPort();
        this.contentLength = request.getContentLengthLong();
        this.body = body;
    }

    /**
     * The path with its {@code .} and {@code ..} segments resolved (RFC 3986 §5.2.4), as a client that normalises
     * its URL would have sent it. The raw request URI keeps them, and a greedy {@code {proxy+}} would otherwise
     * carry {@code a/../../x} to the backend, which resolves it above the integration's base path. A segment whose
     * name before a {@code ;} is a dot segment counts as one: Tomcat backends read {@code ..;x} as {@code ..}.
     * Percent-encoded dots are left as they are, as API Gateway forwards them.
     */
    static String withoutDotSegments(String path) {
        if (!path.startsWith("/") || !path.contains("/.")) {
            return path;
        }
        String[] segments = path.split("/", -1);
        java.util.Deque<String> kept = new java.util.ArrayDeque<>();
        for (int i = 1; i < segments.length; i++) {
            String name = segments[i].split(";", 2)[0];
            boolean last = i == segments.length - 1;
            if (name.equals(".") || name.equals("..")) {
                if (name.equals("..")) {
                    kept.pollLast();
                }
                if (last) {
                    kept.addLast("");
                }
            } else {
                kept.addLast(segments[i]);
            }
        }
        return "/" + String.join("/", kept);
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String requestUri() {
        return requestUri;
    }

    @Override
    public String rawQuery() {
        return rawQuery;
    }

    @Override
    public Headers headers() {
        return headers;
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    @Override
    public boolean secure() {
        return secure;
    }

    @Override
    public X509Certificate clientCertificate() {
        return clientCertificate;
    }

    @Override
    public int localPort() {
        return localPort;
    }

    @Override
    public long contentLength() {
        return contentLength;
    }

    @Override
    public Flow.Publisher<ByteBuffer> body() {
        return body;
    }
}
