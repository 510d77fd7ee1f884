package dev.turnpike.maven;

import dev.turnpike.codegen.Diagnostic;
import dev.turnpike.filter.websocket.WebSocketFilter;
import dev.turnpike.runtime.config.ConfigException;
import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.websocket.WebSocketApi;
import dev.turnpike.runtime.websocket.WebSocketGateway;
import dev.turnpike.runtime.websocket.WebSocketRoute;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code turnpike:run} for a WebSocket definition: generated, compiled in memory and loaded as for a REST one, and
 * served by the WebSocket filter in embedded Jetty with Jetty's Jakarta WebSocket server, over TLS
 * ({@code wss://host:port/{stage}} and {@code https://host:port/{stage}/@connections/{id}}). A saved change needs a
 * restart: the gateway holds open connections, which a reload would have to carry over.
 */
final class LocalWebSocketServer implements AutoCloseable {

    private final GeneratedApiLoader.LoadedWebSocketApi loaded;
    private final WebSocketGateway gateway;
    private final Path workFolder;
    private final String stage;
    private HttpsServer https;
    private String baseUrl;

    private LocalWebSocketServer(GeneratedApiLoader.LoadedWebSocketApi loaded, WebSocketGateway gateway,
            Path workFolder, String stage) {
        this.loaded = loaded;
        this.gateway = gateway;
        this.workFolder = workFolder;
        this.stage = stage;
    }

    /**
     * Starts serving and returns once the server accepts connections.
     *
     * @throws InvalidInputException for anything the user can fix: the definition, the configuration, the port
     */
    static LocalWebSocketServer start(RunRequest request, Path definition) throws Exception {
        TurnpikeConfig config = LocalConfiguration.build(request.configFile(), request.stage(),
                request.stageVariables());
        List<Path> extraClasspath = LocalServer.classpathEntries(request.extraClasspath());
        Path workFolder = Files.createTempDirectory("turnpike-run-");
        GeneratedApiLoader.LoadedWebSocketApi loaded = null;
        LocalWebSocketServer server = null;
        try {
            loaded = GeneratedApiLoader.loadWebSocket(definition, workFolder.resolve("v1"),
                    request.pluginClasspath(), extraClasspath);
            WebSocketGateway gateway;
            try {
                gateway = WebSocketGateway.create(loaded.api(), config);
            } catch (ConfigException e) {
                throw new InvalidInputException("Turnpike: " + e.getMessage(), e);
            }
            server = new LocalWebSocketServer(loaded, gateway, workFolder, request.stage());
            try {
                server.https = HttpsServer.start(request.host(), request.port(),
                        SelfSignedCertificate.forHost(request.host()), HttpsServer.ClientCertificates.NOT_ASKED,
                        new WebSocketFilter(gateway), true);
            } catch (IOException e) {
                if (e instanceof BindException || e.getCause() instanceof BindException) {
                    throw new InvalidInputException("Turnpike: cannot listen on " + request.host() + ":"
                            + request.port() + " (" + e.getMessage() + "); is it in use? Choose another with"
                            + " -Dturnpike.port=<n>", e);
                }
                throw e;
            }
            String host = request.host().contains(":") ? "[" + request.host() + "]" : request.host();
            server.baseUrl = "wss://" + host + ":" + server.https.port() + "/" + request.stage();
            return server;
        } catch (Exception | Error e) {
            if (server != null) {
                server.close();
            } else {
                if (loaded != null) {
                    loaded.loader().close();
                }
                deleteRecursively(workFolder);
            }
            throw e;
        }
    }

    /** Where the chosen stage is served, e.g. {@code wss://127.0.0.1:3000/dev}. */
    String baseUrl() {
        return baseUrl;
    }

    List<Diagnostic> warnings() {
        return loaded.warnings();
    }

    /** What is served where: the API, its address and every route with its integration. */
    List<String> describe() {
        WebSocketApi api = loaded.api();
        List<String> lines = new ArrayList<>();
        lines.add("Turnpike: serving WebSocket API " + api.title() + " (" + api.source() + ") at " + baseUrl);
        lines.add("  @connections at " + baseUrl.replaceFirst("^wss:", "https:") + "/@connections/{connectionId}");
        var variables = gateway.config().stages().get(stage).variables();
        if (!variables.isEmpty()) {
            lines.add("  stage " + stage + " variables: " + new java.util.TreeMap<>(variables));
        }
        int width = api.routes().keySet().stream().mapToInt(String::length).max().orElse(0);
        for (WebSocketRoute route : api.routes().values()) {
            String uri = route.integration().uri();
            lines.add(String.format("  %-" + width + "s  %s%s%s", route.routeKey(), route.integration().type(),
                    uri == null ? "" : " " + uri, route.twoWay() ? " [two-way]" : ""));
        }
        return lines;
    }

    /** Blocks until the server is stopped, by {@link #close()} from another thread (a shutdown hook). */
    void awaitStop() throws InterruptedException {
        https.join();
    }

    @Override
    public void close() throws IOException {
        try {
            if (https != null) {
                https.close(); // the filter's destroy() closes the gateway
            } else {
                gateway.close();
            }
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
