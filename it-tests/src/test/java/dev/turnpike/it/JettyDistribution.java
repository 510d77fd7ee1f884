package dev.turnpike.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Jetty 12.1 distribution ({@code org.eclipse.jetty:jetty-home:<version>:tar.gz}) under one Jakarta EE
 * environment: {@code jetty.home} is the unpacked archive, {@code jetty.base} is made by {@code start.jar
 * --add-modules} (HTTP, HTTPS, the environment's deployer and annotations, so the WAR's initializer registers the
 * filter), and the WAR sits in {@code webapps/} with a properties file naming its environment.
 */
final class JettyDistribution extends DistributionContainer {

    private final Path home;
    private final String environment;

    /** @param environment {@code ee10} (Servlet 6.0) or {@code ee11} (Servlet 6.1) */
    JettyDistribution(String environment) {
        this.home = home("turnpike.it.jettyHome");
        this.environment = environment;
    }

    @Override
    String name() {
        return home.getFileName() + " " + environment;
    }

    @Override
    Launch prepare(Path base, ServedWar.Deployment deployment, Ports ports, List<String> jvmOptions)
            throws Exception {
        String output = run(List.of(java(), "-jar", home.resolve("start.jar").toString(), "jetty.base=" + base,
                        "--add-modules=server,http,https," + environment + "-deploy," + environment + "-annotations"),
                Map.of(), Duration.ofSeconds(60));
        if (!Files.isDirectory(base.resolve("webapps"))) {
            throw new IllegalStateException("start.jar --add-modules did not make " + base + "/webapps:\n" + output);
        }
        // What users put in start.d/*.ini; the test keeps its own in one file. One acceptor and one selector per
        // connector, so the small pool has threads left for requests.
        Files.writeString(base.resolve("start.d/turnpike-it.ini"), String.join("\n",
                "jetty.http.host=127.0.0.1",
                "jetty.http.port=" + ports.http(),
                "jetty.http.acceptors=1",
                "jetty.http.selectors=1",
                "jetty.ssl.host=127.0.0.1",
                "jetty.ssl.port=" + ports.https(),
                "jetty.ssl.acceptors=1",
                "jetty.ssl.selectors=1",
                // Clients connect by IP, so there is no SNI host name to check against the certificate.
                "jetty.ssl.sniHostCheck=false",
                "jetty.sslContext.keyStorePath=" + deployment.tls().keyStore(),
                "jetty.sslContext.keyStorePassword=" + TestTls.PASSWORD,
                "jetty.sslContext.keyStoreType=PKCS12",
                "jetty.threadPool.minThreads=2",
                "jetty.threadPool.maxThreads=" + deployment.maxThreads(),
                "jetty.threadPool.reservedThreads=0",
                ""));
        // Jetty's console log escapes line breaks in messages ("|"); keep an application's multi-line failure as is.
        Files.writeString(base.resolve("resources/jetty-logging.properties"),
                "org.eclipse.jetty.logging.appender.MESSAGE_ESCAPE=false\n", StandardOpenOption.APPEND);
        String name = deployment.contextPath().substring(1).replace('/', '#');
        Files.copy(deployment.war(), base.resolve("webapps").resolve(name + ".war"));
        Files.writeString(base.resolve("webapps").resolve(name + ".properties"), "environment=" + environment + "\n");
        if (environment.equals("ee11")) {
            // ee11 adds the charset Jetty infers for a type (text/plain: iso-8859-1, text/html: utf-8) to every
            // Content-Type set without one, a backend's too; API Gateway passes them on unchanged.
            Files.writeString(base.resolve("webapps").resolve(name + ".xml"), """
                    <?xml version="1.0"?>
                    <!DOCTYPE Configure PUBLIC "-//Jetty//Configure//EN" "https://jetty.org/configure_10_0.dtd">
                    <Configure class="org.eclipse.jetty.ee11.webapp.WebAppContext">
                      <Set name="contextPath">%s</Set>
                      <Set name="war"><Property name="jetty.webapps"/>/%s.war</Set>
                      <Get name="mimeTypes"><Call name="clear"/></Get>
                    </Configure>
                    """.formatted(deployment.contextPath(), name));
        }
        // JVM options before -jar, as jetty.sh passes JAVA_OPTIONS.
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", home.resolve("start.jar").toString()));
        return new Launch(command, Map.of("JETTY_HOME", home.toString(), "JETTY_BASE", base.toString()), base, ports);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Logged once the server and its connectors have started, after the webapps found at start. */
    @Override
    boolean started(String log) {
        return log.contains("oejs.Server:main: Started oejs.Server@");
    }

    /** Jetty stops on SIGTERM (its {@code jetty.server.stopAtShutdown} hook), as {@code jetty.sh stop} sends. */
    @Override
    void requestStop(Process process, Launch launch) {
        process.destroy();
    }

    @Override
    int statusWhenUnavailable() {
        return 503;
    }
}
