package dev.turnpike.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The WildFly distribution ({@code org.wildfly:wildfly-dist:<version>:tar.gz}), its {@code standalone.xml}
 * profile: {@code JBOSS_HOME} is the unpacked archive, {@code JBOSS_BASE_DIR} a copy of its {@code standalone/}
 * whose Elytron key store is the test's PKCS12 file, and the WAR in {@code deployments/}, which the deployment
 * scanner deploys at boot under the WAR's name.
 */
final class WildFlyDistribution extends DistributionContainer {

    static final String HOME_PROPERTY = "turnpike.it.wildflyHome";

    /** Looked up on use: with -Dturnpike.it.skipWildfly the test class is disabled, but JUnit still creates this extension. */
    private static Path home() {
        return home(HOME_PROPERTY);
    }

    @Override
    String name() {
        return home().getFileName().toString();
    }

    @Override
    Launch prepare(Path base, ServedWar.Deployment deployment, Ports ports, List<String> jvmOptions)
            throws Exception {
        Path home = home();
        Path standalone = base.resolve("standalone");
        copyTree(home.resolve("standalone"), standalone);
        Path xml = standalone.resolve("configuration/standalone.xml");
        // The https listener's applicationSSC reads the applicationKS key store: point it at the test's PKCS12
        // file instead of a self-signed certificate generated on first use.
        replaceAll(xml, "<credential-reference clear-text=\"password\"/>",
                "<credential-reference clear-text=\"" + TestTls.PASSWORD + "\"/>", 2);
        replaceOnce(xml, "<implementation type=\"JKS\"/>", "<implementation type=\"PKCS12\"/>");
        replaceOnce(xml, "<file path=\"application.keystore\" relative-to=\"jboss.server.config.dir\"/>",
                "<file path=\"" + deployment.tls().keyStore() + "\"/>");
        replaceOnce(xml, " generate-self-signed-certificate-host=\"localhost\"", "");
        // Servlet requests run on the IO worker's task threads: the small pool the suite asks for.
        replaceOnce(xml, "<worker name=\"default\"/>",
                "<worker name=\"default\" task-max-threads=\"" + deployment.maxThreads() + "\"/>");
        // The transaction manager's fixed ports would collide when two servers run at once.
        replaceOnce(xml, "<socket-binding name=\"txn-recovery-environment\" port=\"4712\"/>",
                "<socket-binding name=\"txn-recovery-environment\" port=\"" + freePort() + "\"/>");
        replaceOnce(xml, "<socket-binding name=\"txn-status-manager\" port=\"4713\"/>",
                "<socket-binding name=\"txn-status-manager\" port=\"" + freePort() + "\"/>");
        String name = deployment.contextPath().substring(1).replace('/', '#');
        Files.copy(deployment.war(), standalone.resolve("deployments").resolve(name + ".war"));

        List<String> command = new ArrayList<>(List.of(home.resolve("bin/standalone.sh").toString(),
                "-b", "127.0.0.1", "-bmanagement", "127.0.0.1",
                "-Djboss.http.port=" + ports.http(),
                "-Djboss.https.port=" + ports.https(),
                "-Djboss.management.http.port=" + ports.control(),
                "-Djboss.management.https.port=" + freePort(),
                "-Djboss.ajp.port=" + freePort()));
        command.addAll(jvmOptions); // standalone.sh passes -D arguments to the server as system properties
        // In the background with signal traps, standalone.sh forwards SIGTERM to the server (as under a supervisor).
        return new Launch(command, Map.of("JBOSS_HOME", home.toString(), "JBOSS_BASE_DIR", standalone.toString(),
                "LAUNCH_JBOSS_IN_BACKGROUND", "true"), base, ports);
    }

    /** WFLYSRV0025 (started) or WFLYSRV0026 (started with errors): after the deployments found at boot. */
    @Override
    boolean started(String log) {
        return log.contains("WFLYSRV0025") || log.contains("WFLYSRV0026");
    }

    /** SIGTERM to standalone.sh, which passes it on: WildFly shuts down gracefully. */
    @Override
    void requestStop(Process process, Launch launch) {
        process.destroy();
    }

    /**
     * WildFly refuses the deployment (Turnpike loads its configuration in its ServletContainerInitializer, so a bad
     * key fails there, not at the first request, although Undertow starts filters only then): nothing serves the
     * context path.
     */
    @Override
    int statusWhenUnavailable() {
        return 404;
    }
}
