package dev.turnpike.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An Apache Tomcat distribution ({@code org.apache.tomcat:tomcat:<version>:tar.gz}): {@code CATALINA_HOME} is the
 * unpacked archive, {@code CATALINA_BASE} a copy of its {@code conf/} with an HTTPS connector added to
 * {@code server.xml}, and the WAR in {@code webapps/}, where the host deploys it at start under the WAR's name.
 */
final class TomcatDistribution extends DistributionContainer {

    private static final Pattern LEFT_RUNNING =
            Pattern.compile("appears to have started a thread named \\[(.+?)\\] but has failed to stop it");

    private final Path home;

    TomcatDistribution(String homeProperty) {
        this.home = home(homeProperty);
    }

    @Override
    String name() {
        return home.getFileName().toString();
    }

    @Override
    Launch prepare(Path base, ServedWar.Deployment deployment, Ports ports, List<String> jvmOptions)
            throws Exception {
        copyTree(home.resolve("conf"), base.resolve("conf"));
        for (String dir : List.of("logs", "temp", "work", "webapps")) {
            Files.createDirectories(base.resolve(dir));
        }
        Path serverXml = base.resolve("conf/server.xml");
        replaceOnce(serverXml, "<Server port=\"8005\"", "<Server port=\"" + ports.control() + "\"");
        // The HTTPS connector users add, next to the distribution's HTTP one, both on loopback and a small pool.
        String threads = " maxThreads=\"" + deployment.maxThreads() + "\" minSpareThreads=\"2\"";
        replaceOnce(serverXml, "<Connector port=\"8080\" protocol=\"HTTP/1.1\"", """
                <Connector address="127.0.0.1" port="%d" protocol="org.apache.coyote.http11.Http11NioProtocol"
                               SSLEnabled="true"%s>
                        <SSLHostConfig>
                            <Certificate certificateKeystoreFile="%s" certificateKeystoreType="PKCS12"
                                         certificateKeystorePassword="%s"/>
                        </SSLHostConfig>
                    </Connector>
                    <Connector address="127.0.0.1" port="%d" protocol="HTTP/1.1"%s"""
                .formatted(ports.https(), threads, deployment.tls().keyStore(), TestTls.PASSWORD, ports.http(),
                        threads));
        String warName = deployment.contextPath().substring(1).replace('/', '#') + ".war";
        Files.copy(deployment.war(), base.resolve("webapps").resolve(warName));
        return new Launch(List.of(home.resolve("bin/catalina.sh").toString(), "run"),
                Map.of("CATALINA_HOME", home.toString(), "CATALINA_BASE", base.toString(),
                        "CATALINA_OPTS", String.join(" ", jvmOptions)),
                base, ports);
    }

    /** Logged once the connectors are open, after the deployments at start, whether they failed or not. */
    @Override
    boolean started(String log) {
        return log.contains("org.apache.catalina.startup.Catalina.start Server startup in");
    }

    /** {@code catalina.sh stop}: the shutdown command on the server port; the JVM exits once it has stopped. */
    @Override
    void requestStop(Process process, Launch launch) throws Exception {
        run(List.of(home.resolve("bin/catalina.sh").toString(), "stop"),
                Map.of("CATALINA_HOME", home.toString(), "CATALINA_BASE", launch.base().toString()),
                Duration.ofSeconds(20));
    }

    /** {@code logs/localhost.<date>.log}: a context's failures in full (the console only points there). */
    @Override
    List<Path> logFiles(Path base) throws IOException {
        try (Stream<Path> logs = Files.list(base.resolve("logs"))) {
            return logs.filter(f -> f.getFileName().toString().startsWith("localhost.")).sorted().toList();
        }
    }

    /**
     * Tomcat looks when it stops a context: a thread whose context class loader is the application's is named in
     * a warning, the same test the embedded suite makes. (It looks before any garbage collection: the JDK
     * HttpClient's selector thread is still running then, and is not named only because the gateway builds its
     * client with the platform class loader as context loader.)
     */
    @Override
    Optional<List<String>> threadsLeftRunning(String log) {
        return Optional.of(LEFT_RUNNING.matcher(log).results().map(m -> m.group(1)).distinct().sorted().toList());
    }

    /** A context that failed to start is not mapped: its path answers 404 from the host. */
    @Override
    int statusWhenUnavailable() {
        return 404;
    }
}
