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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;

/**
 * {@code turnpike:run}: one definition served over HTTPS on this machine, the way a WAR serves it. Generates the
 * sources, compiles them in memory, loads them with the plugin's runtime and serves them with the gateway filter
 * in embedded Jetty.
 */
final class LocalServer implements AutoCloseable {

    private final String baseUrl;
    private final GeneratedApiLoader.LoadedApi loaded;
    private final HttpsServer https;
    private final Path workFolder;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalServer(String baseUrl, GeneratedApiLoader.LoadedApi loaded, HttpsServer https, Path workFolder) {
        this.baseUrl = baseUrl;
        this.loaded = loaded;
        this.https = https;
        this.workFolder = workFolder;
    }

    /**
     * Starts serving and returns once the server accepts connections.
     *
     * @throws InvalidInputException for anything the user can fix: the definition, the configuration, the port
     */
    static LocalServer start(RunRequest request) throws Exception {
        // Loading BouncyCastle's signed jars takes half a second: done while the API is generated and compiled.
        CompletableFuture<SelfSignedCertificate> certificate = CompletableFuture.supplyAsync(() -> {
            try {
                return SelfSignedCertificate.forHost(request.host());
            } catch (GeneralSecurityException e) {
                throw new CompletionException(e);
            }
        });
        Path definition = DefinitionFiles.single(request.definition(), request.definitionsDirectory());
        TurnpikeConfig config = LocalConfiguration.build(request.configFile(), request.stage(),
                request.stageVariables());
        SSLContext backendTrust = request.truststore() == null ? null
                : BackendTrust.fromPkcs12(request.truststore(), request.truststorePassword());
        List<Path> extraClasspath = classpathEntries(request.extraClasspath());

        Path workFolder = Files.createTempDirectory("turnpike-run-");
        GeneratedApiLoader.LoadedApi loaded = null;
        try {
            loaded = GeneratedApiLoader.load(definition, workFolder, request.pluginClasspath(), extraClasspath);
            Gateway.Builder gateway = Gateway.builder(loaded.api(), config);
            if (backendTrust != null) {
                gateway.backendTrust(backendTrust);
            }
            HttpsServer https = startHttps(request, await(certificate), new TurnpikeFilter(buildGateway(gateway)));
            String host = request.host().contains(":") ? "[" + request.host() + "]" : request.host();
            return new LocalServer("https://" + host + ":" + https.port() + "/" + request.stage(), loaded, https,
                    workFolder);
        } catch (Exception | Error e) {
            try {
                if (loaded != null) {
                    loaded.loader().close();
                }
                deleteRecursively(workFolder);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
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
            TurnpikeFilter filter) throws Exception {
        try {
            return HttpsServer.start(request.host(), request.port(), certificate, filter);
        } catch (IOException e) {
            if (e instanceof BindException || e.getCause() instanceof BindException) {
                throw new InvalidInputException("Turnpike: cannot listen on " + request.host() + ":" + request.port()
                        + " (" + e.getMessage() + "); is it in use? Choose another with -Dturnpike.port=<n>", e);
            }
            throw e;
        }
    }

    private static List<Path> classpathEntries(String classpath) throws InvalidInputException {
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
        return loaded.warnings();
    }

    /** What is served where: the API, its base URL and every method with its integration. */
    List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("Turnpike: serving " + loaded.api().title() + " (" + loaded.info().definition().getFileName()
                + ") at " + baseUrl);
        int width = loaded.api().operations().stream().mapToInt(o -> o.resourcePath().length()).max().orElse(0);
        for (Operation operation : loaded.api().operations()) {
            String uri = operation.integration().uri();
            lines.add(String.format("  %-7s %-" + width + "s  %s%s", operation.httpMethod(),
                    operation.resourcePath(), operation.integration().type(), uri == null ? "" : " " + uri));
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
        try {
            https.close();
        } finally {
            loaded.loader().close();
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
