package dev.turnpike.it;

import dev.turnpike.filter.websocket.WebSocketRegistration;
import dev.turnpike.runtime.websocket.WebSocketGateway;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.apache.tomcat.websocket.server.WsSci;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * WebSocket gateways in a real container over TLS on 127.0.0.1, one context path each: embedded Jetty 12 (ee10) or
 * embedded Tomcat 10.1, each with its own Jakarta WebSocket server. The gateway is put on the application the way
 * the filter's initializer does it, {@link WebSocketRegistration#register}, from a ServletContainerInitializer.
 */
final class WebSocketServer implements AutoCloseable {

    private static final AtomicInteger TOMCATS = new AtomicInteger();

    private final AutoCloseable stop;
    private final int port;
    private final int plainPort;

    private WebSocketServer(AutoCloseable stop, int port, int plainPort) {
        this.stop = stop;
        this.port = port;
        this.plainPort = plainPort;
    }

    /** Puts the gateway on the application being started. */
    private static ServletContainerInitializer registering(WebSocketGateway gateway) {
        return (classes, context) -> WebSocketRegistration.register(context, gateway);
    }

    /** The servlet behind the filter: never reached by a request the gateway serves. */
    private static final class Unreached extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) {
            resp.setStatus(599);
        }
    }

    static WebSocketServer jetty(TestTls tls, Map<String, WebSocketGateway> byContextPath) throws Exception {
        return jetty(tls, byContextPath, new Server());
    }

    /**
     * Jetty with a pool of {@code maxThreads}: one acceptor and one selector per connector are leased from it, no
     * threads are reserved, so {@code maxThreads - 4} threads serve requests.
     */
    static WebSocketServer jetty(TestTls tls, Map<String, WebSocketGateway> byContextPath, int maxThreads)
            throws Exception {
        org.eclipse.jetty.util.thread.QueuedThreadPool pool =
                new org.eclipse.jetty.util.thread.QueuedThreadPool(maxThreads, maxThreads);
        pool.setReservedThreads(0);
        return jetty(tls, byContextPath, new Server(pool));
    }

    private static WebSocketServer jetty(TestTls tls, Map<String, WebSocketGateway> byContextPath, Server jetty)
            throws Exception {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(tls.keyStore().toString());
        ssl.setKeyStorePassword(TestTls.PASSWORD);
        HttpConfiguration https = new HttpConfiguration();
        https.addCustomizer(new SecureRequestCustomizer(false));
        ServerConnector secure = new ServerConnector(jetty, 1, 1, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(https));
        secure.setHost("127.0.0.1");
        jetty.addConnector(secure);
        ServerConnector plain = new ServerConnector(jetty, 1, 1); // to prove that ws:// is refused
        plain.setHost("127.0.0.1");
        jetty.addConnector(plain);
        ContextHandlerCollection contexts = new ContextHandlerCollection();
        byContextPath.forEach((path, gateway) -> {
            ServletContextHandler context = new ServletContextHandler(path);
            JakartaWebSocketServletContainerInitializer.configure(context, null);
            context.addServletContainerInitializer(registering(gateway));
            context.addServlet(new ServletHolder(new Unreached()), "/");
            contexts.addHandler(context);
        });
        jetty.setHandler(contexts);
        jetty.start();
        return new WebSocketServer(jetty::stop, secure.getLocalPort(), plain.getLocalPort());
    }

    static WebSocketServer tomcat(TestTls tls, Path workDir, Map<String, WebSocketGateway> byContextPath)
            throws Exception {
        return tomcat(tls, workDir, byContextPath, 200);
    }

    /** Tomcat whose connectors each serve requests with at most {@code maxThreads} threads. */
    static WebSocketServer tomcat(TestTls tls, Path workDir, Map<String, WebSocketGateway> byContextPath,
            int maxThreads) throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createDirectories(workDir.resolve("tomcat")).toString());
        tomcat.getEngine().setName("it-websocket-tomcat-" + TOMCATS.incrementAndGet());
        Connector secure = new Connector();
        secure.setPort(0);
        secure.setProperty("address", "127.0.0.1");
        secure.setScheme("https");
        secure.setSecure(true);
        secure.setProperty("SSLEnabled", "true");
        secure.setProperty("maxThreads", String.valueOf(maxThreads));
        secure.setProperty("minSpareThreads", String.valueOf(Math.min(10, maxThreads)));
        SSLHostConfig sslConfig = new SSLHostConfig();
        SSLHostConfigCertificate certificate =
                new SSLHostConfigCertificate(sslConfig, SSLHostConfigCertificate.Type.UNDEFINED);
        certificate.setCertificateKeystoreFile(tls.keyStore().toString());
        certificate.setCertificateKeystorePassword(TestTls.PASSWORD);
        certificate.setCertificateKeystoreType("PKCS12");
        sslConfig.addCertificate(certificate);
        secure.addSslHostConfig(sslConfig);
        tomcat.setConnector(secure);
        Connector plain = new Connector(); // to prove that ws:// is refused
        plain.setPort(0);
        plain.setProperty("address", "127.0.0.1");
        tomcat.getService().addConnector(plain);
        byContextPath.forEach((path, gateway) -> {
            Context context = tomcat.addContext(path.equals("/") ? "" : path, null);
            context.addServletContainerInitializer(new WsSci(), null);
            context.addServletContainerInitializer(registering(gateway), null);
            // Embedded Tomcat answers 404 before filters run when no servlet is mapped (DEPENDENCIES.md).
            Tomcat.addServlet(context, "unreached", new Unreached());
            context.addServletMappingDecoded("/", "unreached");
        });
        tomcat.start();
        return new WebSocketServer(() -> {
            tomcat.stop();
            tomcat.destroy();
        }, secure.getLocalPort(), plain.getLocalPort());
    }

    /** {@code wss://127.0.0.1:<port>}. */
    URI wss() {
        return URI.create("wss://127.0.0.1:" + port);
    }

    /** {@code ws://127.0.0.1:<port>} without TLS, or {@code null} when the server has no plain connector. */
    URI ws() {
        return plainPort < 0 ? null : URI.create("ws://127.0.0.1:" + plainPort);
    }

    /** {@code https://127.0.0.1:<port>}. */
    URI https() {
        return URI.create("https://127.0.0.1:" + port);
    }

    @Override
    public void close() throws Exception {
        stop.close();
    }
}
