package dev.turnpike.it;

import dev.turnpike.filter.TurnpikeFilter;
import dev.turnpike.runtime.pipeline.Gateway;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Gateways served by the real filter in embedded Jetty 12 (ee10) over TLS on 127.0.0.1, one context path each, for
 * tests that build their gateway in code rather than deploying a WAR.
 */
final class FilterInJetty implements AutoCloseable {

    private final Server jetty;
    private final int port;
    private final HttpClient client;

    private FilterInJetty(Server jetty, int port, HttpClient client) {
        this.jetty = jetty;
        this.port = port;
        this.client = client;
    }

    /** Serves {@code gateway} at the root context. */
    static FilterInJetty serve(TestTls tls, Gateway gateway) throws Exception {
        return serve(tls, Map.of("/", gateway));
    }

    /** Serves each gateway under its context path ({@code /custom}, {@code /plain}, ...). */
    static FilterInJetty serve(TestTls tls, Map<String, Gateway> byContextPath) throws Exception {
        return serve(tls, byContextPath, UriCompliance.DEFAULT);
    }

    /** Serves {@code gateway} at the root context, Jetty checking request URIs as {@code uriCompliance} says. */
    static FilterInJetty serve(TestTls tls, Gateway gateway, UriCompliance uriCompliance) throws Exception {
        return serve(tls, Map.of("/", gateway), uriCompliance);
    }

    private static FilterInJetty serve(TestTls tls, Map<String, Gateway> byContextPath, UriCompliance uriCompliance)
            throws Exception {
        Server jetty = new Server();
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(tls.keyStore().toString());
        ssl.setKeyStorePassword(TestTls.PASSWORD);
        HttpConfiguration https = new HttpConfiguration();
        https.addCustomizer(new SecureRequestCustomizer(false));
        // Jetty's default (8 KiB) is below API Gateway's 10,240 bytes of request line and header values; leave room
        // so the gateway's own limit is the one a request meets.
        https.setRequestHeaderSize(16 * 1024);
        https.setUriCompliance(uriCompliance);
        ServerConnector secure = new ServerConnector(jetty, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(https));
        secure.setHost("127.0.0.1");
        jetty.addConnector(secure);
        ContextHandlerCollection contexts = new ContextHandlerCollection();
        byContextPath.forEach((path, gateway) -> contexts.addHandler(context(path, gateway)));
        jetty.setHandler(contexts);
        jetty.start();
        HttpClient client = HttpClient.newBuilder().sslContext(tls.clientContext())
                .version(HttpClient.Version.HTTP_1_1).build();
        return new FilterInJetty(jetty, secure.getLocalPort(), client);
    }

    private static ServletContextHandler context(String path, Gateway gateway) {
        ServletContextHandler context = new ServletContextHandler(path);
        FilterHolder filter = new FilterHolder(new TurnpikeFilter(gateway));
        filter.setAsyncSupported(true);
        context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) {
                resp.setStatus(599); // never reached: the filter answers every request
            }
        }), "/");
        return context;
    }

    /** {@code https://127.0.0.1:<port>}. */
    URI root() {
        return URI.create("https://127.0.0.1:" + port);
    }

    /** A client trusting the test certificate, over HTTP/1.1. */
    HttpClient client() {
        return client;
    }

    /** Stops Jetty; the filters' destroy() closes their gateways. */
    @Override
    public void close() throws Exception {
        jetty.stop();
    }
}
