package dev.turnpike.maven;

import dev.turnpike.codegen.Diagnostic;
import dev.turnpike.filter.TurnpikeFilter;
import dev.turnpike.runtime.config.ConfigException;
import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.pipeline.Gateway;
import java.io.File;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code turnpike:run}: one definition served over HTTPS on this machine, the way a WAR serves it. Generates the
 * sources, compiles them in memory, loads them with the plugin's runtime and serves them with the gateway filter
 * in embedded Jetty.
 */
final class LocalServer implements AutoCloseable {

    /** How long a replaced version stays alive for the requests that started on it (integrations time out at 29 s). */
    private static final long RETIRE_AFTER_SECONDS = 60;

    private final RunRequest request;
    private final Path definition;
    private final KeyStore backendTrust;
    private final List<Path> extraClasspath;
    private final Path workFolder;
    private final TurnpikeFilter filter;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicInteger versionNumbers = new AtomicInteger();
    private final ScheduledExecutorService retirement = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "turnpike-retire");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Version current;
    private HttpsServer https;
    private String baseUrl;
    private ChangeWatcher watcher;

    /** One generated, compiled and loaded build of the definition, with the gateway serving it. */
    private record Version(GeneratedApiLoader.LoadedApi loaded, Gateway gateway, Path folder) {
    }

    private LocalServer(RunRequest request, Path definition, KeyStore backendTrust, List<Path> extraClasspath,
            Path workFolder, Version first) {
        this.request = request;
        this.definition = definition;
        this.backendTrust = backendTrust;
        this.extraClasspath = extraClasspath;
        this.workFolder = workFolder;
        this.current = first;
        this.filter = new TurnpikeFilter(first.gateway());
    }

    /** Starts serving, asking clients for a certificate when there is a trust store; see below. */
    static LocalServer start(RunRequest request) throws Exception {
        return start(request, null);
    }

    /**
     * Starts serving and returns once the server accepts connections.
     *
     * @param clientAuth {@code -Dturnpike.clientAuth}: with a trust store, whether a client certificate is
     *     {@code wanted} (the default) or {@code required}
     * @throws InvalidInputException for anything the user can fix: the definition, the configuration, the port
     */
    static LocalServer start(RunRequest request, String clientAuth) throws Exception {
        // Loading BouncyCastle's signed jars takes half a second: done while the API is generated and compiled.
        CompletableFuture<SelfSignedCertificate> certificate = CompletableFuture.supplyAsync(() -> {
            try {
                return SelfSignedCertificate.forHost(request.host());
            } catch (GeneralSecurityException e) {
                throw new CompletionException(e);
            }
        });
        Path definition = DefinitionFiles.single(request.definition(), request.definitionsDirectory());
        KeyStore trusted = request.truststore() == null ? null
                : BackendTrust.fromPkcs12(request.truststore(), request.truststorePassword());
        HttpsServer.ClientCertificates clientCertificates = HttpsServer.ClientCertificates.of(trusted, clientAuth);
        List<Path> extraClasspath = classpathEntries(request.extraClasspath());

        Path workFolder = Files.createTempDirectory("turnpike-run-");
        LocalServer server = null;
        try {
            Version first = load(request, definition, trusted, extraClasspath, workFolder.resolve("v1"));
            server = new LocalServer(request, definition, trusted, extraClasspath, workFolder, first);
            server.versionNumbers.set(1);
            server.https = startHttps(request, await(certificate), clientCertificates, server.filter);
            String host = request.host().contains(":") ? "[" + request.host() + "]" : request.host();
            server.baseUrl = "https://" + host + ":" + server.https.port() + "/" + request.stage();
            return server;
        } catch (Exception | Error e) {
            try {
                if (server != null) {
                    server.close();
                } else {
                    deleteRecursively(workFolder);
                }
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Generates, compiles and loads the definition as it is now, with the configuration as it is now. */
    private static Version load(RunRequest request, Path definition, KeyStore backendTrust,
            List<Path> extraClasspath, Path folder) throws Exception {
        TurnpikeConfig config = LocalConfiguration.build(request.configFile(), request.stage(),
                request.stageVariables());
        GeneratedApiLoader.LoadedApi loaded = GeneratedApiLoader.load(definition, folder, request.pluginClasspath(),
                extraClasspath);
        try {
            Gateway.Builder gateway = Gateway.builder(loaded.api(), config);
            if (request.verbose()) {
                gateway.requestLog(System.out::println);
            }
            if (backendTrust != null) {
                gateway.backendTrust(backendTrust);
            }
            return new Version(loaded, buildGateway(gateway), folder);
        } catch (Exception | Error e) {
            loaded.loader().close();
            throw e;
        }
    }

    /**
     * Watches the definition, the configuration file and the extra class path, and serves each settled change
     * (see {@link #reload}). Messages go to {@code out}.
     */
    void watchForChanges(long intervalMillis, Consumer<String> out) {
        List<Path> watched = new ArrayList<>();
        watched.add(definition);
        if (request.configFile() != null) {
            watched.add(request.configFile());
        }
        watched.addAll(extraClasspath);
        watcher = ChangeWatcher.start(watched, intervalMillis, () -> reload(out));
    }

    /**
     * Generates, compiles and serves the definition again. Requests in flight finish on the version they started
     * with; a definition or configuration with errors is not served: the previous version goes on serving and the
     * diagnostics are printed.
     */
    synchronized void reload(Consumer<String> out) {
        if (closed.get()) {
            return;
        }
        long started = System.nanoTime();
        Version next;
        try {
            next = load(request, definition, backendTrust, extraClasspath,
                    workFolder.resolve("v" + versionNumbers.incrementAndGet()));
        } catch (InvalidInputException e) {
            out.accept("Turnpike: the change is not served; still serving the previous version.\n" + e.getMessage());
            return;
        } catch (Exception | Error e) {
            out.accept("Turnpike: the change is not served (" + e + "); still serving the previous version.");
            return;
        }
        Version previous = current;
        current = next;
        filter.serve(next.gateway());
        retirement.schedule(() -> retire(previous), RETIRE_AFTER_SECONDS, TimeUnit.SECONDS);
        out.accept("Turnpike: reloaded in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
        describe().forEach(out);
    }

    private static void retire(Version version) {
        version.gateway().close();
        try {
            version.loaded().loader().close();
            deleteRecursively(version.folder());
        } catch (IOException e) {
            // A leftover temporary folder is harmless; the whole work folder goes at close.
        }
    }

    private static Gateway buildGateway(Gateway.Builder gateway) throws InvalidInputException {
        try {
            return gateway.build();
        } catch (ConfigException e) {
            throw new InvalidInputException("Turnpike: " + e.getMessage(), e);
        }
    }

    private static SelfSignedCertificate await(CompletableFuture<SelfSignedCertificate> certificate)
            throws GeneralSecurityException {
        try {
            return certificate.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof GeneralSecurityException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static HttpsServer startHttps(RunRequest request, SelfSignedCertificate certificate,
            HttpsServer.ClientCertificates clientCertificates, TurnpikeFilter filter) throws Exception {
        try {
            return HttpsServer.start(request.host(), request.port(), certificate, clientCertificates, filter);
        } catch (IOException e) {
            if (e instanceof BindException || e.getCause() instanceof BindException) {
                throw new InvalidInputException("Turnpike: cannot listen on " + request.host() + ":" + request.port()
                        + " (" + e.getMessage() + "); is it in use? Choose another with -Dturnpike.port=<n>", e);
            }
            throw e;
        }
    }

    static List<Path> classpathEntries(String classpath) throws InvalidInputException {
        List<Path> entries = new ArrayList<>();
        if (classpath == null || classpath.isBlank()) {
            return entries;
        }
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry.trim()).toAbsolutePath().normalize();
            if (!Files.exists(path)) {
                throw new InvalidInputException("Turnpike: -Dturnpike.classpath: no such jar or folder: " + path);
            }
            entries.add(path);
        }
        return entries;
    }

    /** Where the chosen stage is served, e.g. {@code https://127.0.0.1:3000/dev}. */
    String baseUrl() {
        return baseUrl;
    }

    /** The definition's warnings: served anyway, but worth a look. */
    List<Diagnostic> warnings() {
        return current.loaded().warnings();
    }

    /** What is served where: the API, its base URL and every method with its integration. */
    List<String> describe() {
        GeneratedApiLoader.LoadedApi loaded = current.loaded();
        List<String> lines = new ArrayList<>();
        lines.add("Turnpike: serving " + loaded.api().title() + " (" + loaded.info().definition().getFileName()
                + ") at " + baseUrl);
        java.util.Map<String, String> variables = current.gateway().config().stages().get(request.stage()).variables();
        if (!variables.isEmpty()) {
            lines.add("  stage " + request.stage() + " variables: " + new java.util.TreeMap<>(variables));
        }
        int width = loaded.api().operations().stream().mapToInt(o -> o.resourcePath().length()).max().orElse(0);
        for (Operation operation : loaded.api().operations()) {
            String uri = operation.integration().uri();
            String access = (operation.authorizationType().equals("NONE") ? "" : " [" + operation.authorizationType()
                    + (operation.authorizer() == null ? "" : " " + operation.authorizer().name()) + "]")
                    + (operation.apiKeyRequired() ? " [API key]" : "");
            lines.add(String.format("  %-7s %-" + width + "s  %s%s%s", operation.httpMethod(),
                    operation.resourcePath(), operation.integration().type(), uri == null ? "" : " " + uri, access));
        }
        return lines;
    }

    /** Blocks until the server is stopped, by {@link #close()} from another thread (a shutdown hook). */
    void awaitStop() throws InterruptedException {
        https.join();
    }

    /** Stops serving, letting requests in flight finish for a moment, and removes the generated files. */
    @Override
    public void close() throws IOException {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (watcher != null) {
            watcher.close();
        }
        retirement.shutdownNow();
        try {
            if (https != null) {
                https.close(); // the filter's destroy() closes the current gateway
            } else {
                current.gateway().close();
            }
        } finally {
            current.loaded().loader().close();
            deleteRecursively(workFolder);
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
