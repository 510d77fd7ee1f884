package dev.turnpike.maven;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.io.IOException;
import java.net.BindException;
import java.security.KeyStore;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Embedded Jetty (ee10) serving one filter at {@code /*} over HTTPS only: one TLS connector, no plain-HTTP one,
 * so a plain-HTTP request to the port fails its TLS handshake. Stopping waits a little for requests in flight.
 */
final class HttpsServer implements AutoCloseable {

    /**
     * Whether the TLS handshake asks clients for a certificate (mutual TLS). A certificate presented is verified
     * against {@code trusted} and refused, with the handshake, when none of those certificates vouches for it;
     * {@code required} also refuses a client that presents none, as API Gateway's mutual TLS domains do.
     *
     * @param trusted the certificates clients' certificates are verified against; {@code null}: none asked for
     */
    record ClientCertificates(KeyStore trusted, boolean required) {

        static final ClientCertificates NOT_ASKED = new ClientCertificates(null, false);

        /**
         * From {@code -Dturnpike.truststore} (asks for certificates when given) and {@code -Dturnpike.clientAuth}
         * ({@code wanted}, the default, or {@code required}).
         */
        static ClientCertificates of(KeyStore trusted, String clientAuth) throws InvalidInputException {
            boolean required;
            if (clientAuth == null || clientAuth.isBlank() || clientAuth.equals("wanted")) {
                required = false;
            } else if (clientAuth.equals("required")) {
                required = true;
            } else {
                throw new InvalidInputException("Turnpike: -Dturnpike.clientAuth=" + clientAuth
                        + ": expected wanted or required");
            }
            if (trusted == null) {
                if (required) {
                    throw new InvalidInputException("Turnpike: -Dturnpike.clientAuth=required needs"
                            + " -Dturnpike.truststore, a PKCS12 file with the certificates client certificates"
                            + " are verified against");
                }
                return NOT_ASKED;
            }
            return new ClientCertificates(trusted, required);
        }
    }

    private static final long GRACEFUL_STOP_MILLIS = 5_000;

    private final Server server;
    private final ServerConnector connector;

    private HttpsServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /**
     * Starts serving {@code filter} on {@code host:port} ({@code 0} for any free port).
     *
     * @throws BindException when the port is taken
     */
    static HttpsServer start(String host, int port, SelfSignedCertificate certificate,
            ClientCertificates clientCertificates, Filter filter) throws Exception {
        return start(host, port, certificate, clientCertificates, filter, false);
    }

    /**
     * As above; with {@code webSocket}, the context gets Jetty's Jakarta WebSocket server (the filter upgrades
     * through it) and the filter also sees async dispatches (a handshake comes back once {@code $connect} decided).
     */
    static HttpsServer start(String host, int port, SelfSignedCertificate certificate,
            ClientCertificates clientCertificates, Filter filter, boolean webSocket) throws Exception {
        Server server = new Server();
        HttpConfiguration https = new HttpConfiguration();
        https.setSendServerVersion(false);
        https.setSendXPoweredBy(false);
        // API Gateway serves //stage/x and /stage//x (recorded in shared/conformance/lambda-events); Jetty's default
        // refuses empty segments as ambiguous before any filter runs.
        https.setUriCompliance(UriCompliance.DEFAULT.with("api-gateway",
                UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT));
        // The certificate names localhost and 127.0.0.1; a client may use either, or send no SNI at all.
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);

        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStore(certificate.keyStore());
        tls.setKeyStorePassword(new String(certificate.password()));
        tls.setCertAlias(SelfSignedCertificate.ALIAS);
        if (clientCertificates.trusted() != null) {
            tls.setTrustStore(clientCertificates.trusted());
            tls.setWantClientAuth(true);
            tls.setNeedClientAuth(clientCertificates.required());
        }

        ServerConnector connector = new ServerConnector(server,
                new SslConnectionFactory(tls, HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler("/");
        FilterHolder holder = new FilterHolder(filter);
        holder.setName("turnpike");
        holder.setAsyncSupported(true);
        if (webSocket) {
            JakartaWebSocketServletContainerInitializer.configure(context, null);
            context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
        } else {
            context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        // The filter answers every request itself; a servlet must still be mapped for requests to reach it.
        context.addServlet(ServletHandler.Default404Servlet.class, "/").setAsyncSupported(true);

        server.setHandler(new GracefulHandler(context));
        server.setStopTimeout(GRACEFUL_STOP_MILLIS);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return new HttpsServer(server, connector);
    }

    /** The port served, the chosen one when started on port 0. */
    int port() {
        return connector.getLocalPort();
    }

    /** Blocks until the server has stopped. */
    void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws IOException {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IOException("cannot stop the local server: " + e, e);
        }
    }
}
