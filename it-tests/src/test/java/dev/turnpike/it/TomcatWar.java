package dev.turnpike.it;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.apache.tomcat.util.scan.StandardJarScanner;

/** The WAR in embedded Tomcat 10.1, deployed from its file with {@link Tomcat#addWebapp}. */
final class TomcatWar implements ServedWar {

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    /**
     * Where Tomcat logs a context's failures, through JUL: {@code ContainerBase.[engine].[host].[context]} for a
     * filter's, {@code StandardContext} for a {@code ServletContainerInitializer}'s (where Turnpike loads its
     * configuration).
     */
    private static final Logger CATALINA_LOG = Logger.getLogger("org.apache.catalina.core");
    private static final String INITIALIZER_FAILURES = "org.apache.catalina.core.StandardContext";

    private final Tomcat tomcat;
    private final Context context;
    private final FailureLog failures;
    private final ClassLoader applicationLoader;
    private final URI https;
    private final URI http;

    private TomcatWar(Tomcat tomcat, Context context, FailureLog failures, URI https, URI http) {
        this.tomcat = tomcat;
        this.context = context;
        this.failures = failures;
        this.applicationLoader = context.getLoader() == null ? null : context.getLoader().getClassLoader();
        this.https = https;
        this.http = http;
    }

    static TomcatWar start(Deployment deployment) throws Exception {
        String engine = "it-tomcat-" + INSTANCES.incrementAndGet();
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createDirectories(deployment.workDir().resolve("tomcat")).toString());
        tomcat.getEngine().setName(engine);
        tomcat.getHost().setAppBase(Files.createDirectories(deployment.workDir().resolve("tomcat/webapps")).toString());
        tomcat.getHost().setAutoDeploy(false);

        Connector secure = connector(deployment.maxThreads());
        secure.setPort(deployment.httpsPort());
        secure.setScheme("https");
        secure.setSecure(true);
        secure.setProperty("SSLEnabled", "true");
        SSLHostConfig tls = new SSLHostConfig();
        SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(tls, SSLHostConfigCertificate.Type.UNDEFINED);
        certificate.setCertificateKeystoreFile(deployment.tls().keyStore().toString());
        certificate.setCertificateKeystorePassword(TestTls.PASSWORD);
        certificate.setCertificateKeystoreType("PKCS12");
        tls.addCertificate(certificate);
        secure.addSslHostConfig(tls);
        tomcat.setConnector(secure);
        Connector plain = connector(deployment.maxThreads());
        tomcat.getService().addConnector(plain);

        // A distribution's conf/web.xml maps the default servlet (so filters run; see DEPENDENCIES.md's gotcha)
        // and JSP; there is no Jasper here, so map the default servlet alone.
        tomcat.setAddDefaultWebXmlToWebapp(false);
        Context context = tomcat.addWebapp(deployment.contextPath(), deployment.war().toString());
        // The test class path also holds Jetty's WebSocket server (for the Jetty suites), whose initializer fails
        // outside Jetty; a real Tomcat has only its own.
        context.setContainerSciFilter("org\\.eclipse\\.jetty\\..*");
        context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                Wrapper defaultServlet = Tomcat.addServlet(context, "default",
                        "org.apache.catalina.servlets.DefaultServlet");
                defaultServlet.setLoadOnStartup(1);
                defaultServlet.setOverridable(true);
                context.addServletMapping("/", "default");
            }
        });
        // A distribution scans its own lib and the WAR, not the test class path.
        StandardJarScanner scanner = new StandardJarScanner();
        scanner.setScanClassPath(false);
        context.setJarScanner(scanner);

        FailureLog failures = new FailureLog("org.apache.catalina.core.ContainerBase.[" + engine + "]");
        CATALINA_LOG.addHandler(failures);
        try {
            tomcat.start();
        } catch (Exception e) {
            CATALINA_LOG.removeHandler(failures);
            tomcat.destroy();
            throw e;
        }
        return new TomcatWar(tomcat, context, failures,
                URI.create("https://127.0.0.1:" + secure.getLocalPort() + deployment.contextPath()),
                URI.create("http://127.0.0.1:" + plain.getLocalPort() + deployment.contextPath()));
    }

    private static Connector connector(int maxThreads) {
        Connector connector = new Connector(); // HTTP/1.1, NIO
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        connector.setProperty("maxThreads", Integer.toString(maxThreads));
        connector.setProperty("minSpareThreads", "2");
        return connector;
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
        return context.getState().isAvailable();
    }

    @Override
    public ClassLoader applicationLoader() {
        return applicationLoader;
    }

    /** A context that failed to start is not mapped: its path answers 404 from the host. */
    @Override
    public int statusWhenUnavailable() {
        return 404;
    }

    @Override
    public String startupFailure() {
        return String.join("\n", failures.messages);
    }

    @Override
    public void close() {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (org.apache.catalina.LifecycleException e) {
            throw new IllegalStateException("Tomcat did not stop", e);
        } finally {
            CATALINA_LOG.removeHandler(failures);
        }
    }

    @Override
    public String toString() {
        return "Tomcat " + org.apache.catalina.util.ServerInfo.getServerNumber();
    }

    /** The errors Tomcat logs for this instance's containers, each with its stack trace. */
    private static final class FailureLog extends Handler {
        private final String loggerPrefix;
        private final List<String> messages = new CopyOnWriteArrayList<>();

        FailureLog(String loggerPrefix) {
            this.loggerPrefix = loggerPrefix;
            setLevel(Level.WARNING);
        }

        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() < Level.WARNING.intValue()
                    || record.getLoggerName() == null || !(record.getLoggerName().startsWith(loggerPrefix)
                            || record.getLoggerName().equals(INITIALIZER_FAILURES))) {
                return;
            }
            StringWriter out = new StringWriter();
            out.append(record.getMessage()).append('\n');
            if (record.getThrown() != null) {
                record.getThrown().printStackTrace(new PrintWriter(out));
            }
            messages.add(out.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
