package dev.turnpike.it;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import org.eclipse.jetty.ee10.annotations.AnnotationConfiguration;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** The WAR in embedded Jetty 12 (ee10), deployed from its file by a {@link WebAppContext}. */
final class JettyWar implements ServedWar {

    private final Server server;
    private final WebAppContext webapp;
    private final ClassLoader applicationLoader;
    private final URI https;
    private final URI http;

    private JettyWar(Server server, WebAppContext webapp, URI https, URI http) {
        this.server = server;
        this.webapp = webapp;
        this.applicationLoader = webapp.getClassLoader();
        this.https = https;
        this.http = http;
    }

    static JettyWar start(Deployment deployment) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(deployment.maxThreads(), 2);
        threads.setName("it-jetty");
        threads.setReservedThreads(0);
        Server server = new Server(threads);

        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(deployment.tls().keyStore().toString());
        ssl.setKeyStorePassword(TestTls.PASSWORD);
        HttpConfiguration httpsConfig = new HttpConfiguration();
        httpsConfig.addCustomizer(new SecureRequestCustomizer(false)); // clients connect by IP: no SNI host to check
        // One acceptor and one selector each, so the small pool has threads left for requests.
        ServerConnector secure = new ServerConnector(server, 1, 1, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(httpsConfig));
        secure.setHost("127.0.0.1");
        secure.setPort(deployment.httpsPort());
        ServerConnector plain = new ServerConnector(server, 1, 1, new HttpConnectionFactory());
        plain.setHost("127.0.0.1");
        server.addConnector(secure);
        server.addConnector(plain);

        WebAppContext webapp = new WebAppContext();
        webapp.setContextPath(deployment.contextPath());
        webapp.setWar(deployment.war().toString());
        webapp.setTempDirectory(Files.createDirectories(deployment.workDir().resolve("jetty-temp")).toFile());
        // Scanning runs the ServletContainerInitializers of WEB-INF/lib, as a distribution's ee10-annotations does.
        webapp.addConfiguration(new AnnotationConfiguration());
        // The test class path also holds Tomcat's WebSocket server (for the Tomcat suites), whose initializer would
        // install Tomcat's ServerContainer in Jetty; a real Jetty has only its own.
        webapp.setAttribute("org.eclipse.jetty.containerInitializerExclusionPattern", "org\\.apache\\.tomcat\\..*");
        // As a distribution deploys: a failed application is unavailable, the server keeps running.
        webapp.setThrowUnavailableOnStartupException(false);
        server.setHandler(webapp);
        server.start();
        return new JettyWar(server, webapp,
                URI.create("https://127.0.0.1:" + secure.getLocalPort() + deployment.contextPath()),
                URI.create("http://127.0.0.1:" + plain.getLocalPort() + deployment.contextPath()));
    }

    @Override
    public URI https() {
        return https;
    }

    @Override
    public URI http() {
        return http;
    }

    @Override
    public boolean available() {
        return webapp.isAvailable() && webapp.getUnavailableException() == null;
    }

    @Override
    public ClassLoader applicationLoader() {
        return applicationLoader;
    }

    /** An unavailable context still matches its path and answers 503 Service Unavailable. */
    @Override
    public int statusWhenUnavailable() {
        return 503;
    }

    @Override
    public String startupFailure() {
        Throwable failure = webapp.getUnavailableException();
        if (failure == null) {
            return "";
        }
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop", e);
        }
    }

    @Override
    public String toString() {
        return "Jetty " + Server.getVersion();
    }
}
