package dev.turnpike.it;

import dev.turnpike.filter.TurnpikeInitializer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * A web application as a WAR deploys it, without the WAR file: embedded Jetty 12 (ee10) over TLS on 127.0.0.1
 * runs {@link TurnpikeInitializer} (and so the extensions on the class path, the management API among them) with
 * the configuration as context init-params and the generated API on the context's class loader.
 */
final class InitializedJetty implements AutoCloseable {

    private final Server jetty;
    private final int port;
    private final HttpClient client;

    private InitializedJetty(Server jetty, int port, HttpClient client) {
        this.jetty = jetty;
        this.port = port;
        this.client = client;
    }

    static InitializedJetty start(TestTls tls, ClassLoader application, Map<String, String> initParameters)
            throws Exception {
        Server jetty = new Server();
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(tls.keyStore().toString());
        ssl.setKeyStorePassword(TestTls.PASSWORD);
        HttpConfiguration https = new HttpConfiguration();
        https.addCustomizer(new SecureRequestCustomizer(false));
        ServerConnector secure = new ServerConnector(jetty, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(https));
        secure.setHost("127.0.0.1");
        jetty.addConnector(secure);
        ServletContextHandler context = new ServletContextHandler("/");
        context.setClassLoader(application);
        initParameters.forEach(context::setInitParameter);
        context.addServletContainerInitializer(new TurnpikeInitializer());
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) {
                resp.setStatus(599); // never reached: the filter or the management API answers every request
            }
        }), "/");
        jetty.setHandler(context);
        try {
            jetty.start();
        } catch (Exception e) {
            jetty.stop(); // a deployment that failed leaves no threads behind
            throw e;
        }
        HttpClient client = HttpClient.newBuilder().sslContext(tls.clientContext())
                .version(HttpClient.Version.HTTP_1_1).build();
        return new InitializedJetty(jetty, secure.getLocalPort(), client);
    }

    /** {@code https://127.0.0.1:<port>}. */
    URI root() {
        return URI.create("https://127.0.0.1:" + port);
    }

    HttpClient client() {
        return client;
    }

    /** Stops Jetty; the filter's destroy() closes the gateway, and so its stage store. */
    @Override
    public void close() throws Exception {
        jetty.stop();
    }
}
