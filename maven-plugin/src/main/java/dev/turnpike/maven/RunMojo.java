package dev.turnpike.maven;

import dev.turnpike.codegen.websocket.WebSocketDefinitionReader;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Serves one OpenAPI definition on this machine over HTTPS, like {@code sam local start-api}, until Ctrl-C.
 * Needs no project: {@code mvn dev.turnpike:turnpike-maven-plugin:<version>:run -Dturnpike.definition=api.yaml}.
 * The {@code -Dturnpike.*} properties are a public contract.
 */
@Mojo(name = "run", requiresProject = false, threadSafe = true)
public final class RunMojo extends AbstractMojo {

    /** How often the watched files are looked at; a change is served after two looks agree. */
    private static final long WATCH_INTERVAL_MILLIS = 300;

    /** The definition to serve (YAML or JSON); in a project, by default the only one in src/main/openapi/. */
    @Parameter(property = "turnpike.definition")
    private File definition;

    /** Where the definition is looked for when {@code turnpike.definition} is not set. */
    @Parameter(defaultValue = "${project.basedir}/src/main/openapi", required = true)
    private File definitionsDirectory;

    /** The stage served: the first path segment of every URL. */
    @Parameter(property = "turnpike.stage", defaultValue = "dev", required = true)
    private String stage;

    @Parameter(property = "turnpike.port", defaultValue = "3000", required = true)
    private int port;

    @Parameter(property = "turnpike.host", defaultValue = "127.0.0.1", required = true)
    private String host;

    /** The stage's variables, {@code k1=v1,k2=v2}; they win over the configuration file's. */
    @Parameter(property = "turnpike.stageVariables")
    private String stageVariables;

    /**
     * A properties file with the configuration keys a WAR reads ({@code turnpike.*}); in a project, by default the
     * one the WAR carries, {@code src/main/resources/turnpike.properties}, if it exists.
     */
    @Parameter(property = "turnpike.config")
    private File config;

    /** The WAR's own configuration, served when {@code turnpike.config} is not given. */
    @Parameter(defaultValue = "${project.basedir}/src/main/resources/turnpike.properties", readonly = true)
    private File projectConfig;

    /** More jars and folders for the API's class loader, separated by the platform's path separator. */
    @Parameter(property = "turnpike.classpath")
    private String classpath;

    /**
     * A PKCS12 trust store: the certificates trusted for HTTPS backends, replacing the JDK's default, and those
     * client certificates are verified against (the HTTPS connector then asks clients for one: mutual TLS).
     */
    @Parameter(property = "turnpike.truststore")
    private File truststore;

    @Parameter(property = "turnpike.truststorePassword")
    private String truststorePassword;

    /**
     * With {@code turnpike.truststore}: {@code wanted} accepts clients without a certificate, {@code required}
     * refuses their TLS handshake, as API Gateway's mutual TLS custom domains do.
     */
    @Parameter(property = "turnpike.clientAuth", defaultValue = "wanted")
    private String clientAuth;

    /**
     * Serve each saved change of the definition, the configuration file or the extra class path without a
     * restart; a change with errors is reported and the previous version keeps serving.
     */
    @Parameter(property = "turnpike.watch", defaultValue = "true")
    private boolean watch;

    /** Print each request: its id, method and path, the route it matched, its status and latency. */
    @Parameter(property = "turnpike.verbose", defaultValue = "false")
    private boolean verbose;

    @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
    private List<Artifact> pluginArtifacts;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        long started = System.nanoTime();
        RunRequest request = new RunRequest(
                path(definition),
                definitionsDirectory.toPath(),
                stage,
                host,
                port,
                stageVariables,
                path(config != null ? config : projectConfig != null && projectConfig.isFile() ? projectConfig : null),
                classpath,
                path(truststore),
                truststorePassword,
                pluginArtifacts.stream().map(Artifact::getFile).filter(Objects::nonNull).map(File::toPath).toList(),
                verbose);
        if (isWebSocket(request)) {
            runWebSocket(request, started);
            return;
        }
        LocalServer server;
        try {
            server = LocalServer.start(request, clientAuth);
        } catch (InvalidInputException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (Exception e) {
            throw new MojoExecutionException("Turnpike: cannot start the local server: " + e, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "turnpike-run-stop"));
        DiagnosticReport.log(getLog(), server.warnings());
        // The address is what this goal is for: printed even under -q, as sam local start-api does.
        server.describe().forEach(System.out::println);
        System.out.println("Turnpike: ready in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)
                + " ms; " + (watch ? "changes are served as they are saved; " : "") + "Ctrl-C stops");
        if (watch) {
            server.watchForChanges(WATCH_INTERVAL_MILLIS, System.out::println);
        }
        try {
            server.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(server);
        }
    }

    private static boolean isWebSocket(RunRequest request) throws MojoFailureException {
        try {
            return WebSocketDefinitionReader.isWebSocket(
                    DefinitionFiles.single(request.definition(), request.definitionsDirectory()));
        } catch (InvalidInputException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    /** A WebSocket definition: served without watching for changes (its connections would not survive one). */
    private void runWebSocket(RunRequest request, long started) throws MojoExecutionException, MojoFailureException {
        LocalWebSocketServer server;
        try {
            server = LocalWebSocketServer.start(request,
                    DefinitionFiles.single(request.definition(), request.definitionsDirectory()));
        } catch (InvalidInputException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (Exception e) {
            throw new MojoExecutionException("Turnpike: cannot start the local server: " + e, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (IOException e) {
                getLog().warn("Turnpike: " + e.getMessage());
            }
        }, "turnpike-run-stop"));
        DiagnosticReport.log(getLog(), server.warnings());
        server.describe().forEach(System.out::println);
        System.out.println("Turnpike: ready in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)
                + " ms; a WebSocket definition's changes need a restart; Ctrl-C stops");
        try {
            server.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stop(LocalServer server) {
        try {
            server.close();
        } catch (IOException e) {
            getLog().warn("Turnpike: " + e.getMessage());
        }
    }

    private static Path path(File file) {
        return file == null ? null : file.toPath().toAbsolutePath();
    }
}
