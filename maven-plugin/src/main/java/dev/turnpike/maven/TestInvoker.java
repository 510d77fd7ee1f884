package dev.turnpike.maven;

import dev.turnpike.runtime.config.ConfigException;
import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.http.Headers;
import dev.turnpike.runtime.pipeline.Gateway;
import dev.turnpike.runtime.pipeline.TestInvoke;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code turnpike:invoke}: one request through the generated API's whole pipeline, printed the way API Gateway's
 * console test prints it (status, latency, body, headers, then the execution log of every step).
 */
final class TestInvoker {

    /**
     * What to invoke, copied from the {@code -Dturnpike.*} properties.
     *
     * @param path the path below the stage with its query string, e.g. {@code /pets/1?x=1}
     * @param headers {@code Name:value,Name:value}
     * @param body the body, or {@code @file} for a file's bytes
     */
    record Request(Path definition, Path definitionsDirectory, String stage, Path configFile, String stageVariables,
            String extraClasspath, List<Path> pluginClasspath, String method, String path, String headers,
            String body, boolean dryRun) {
    }

    private TestInvoker() {
    }

    /** The lines to print; throws {@link InvalidInputException} for a bad definition, configuration or property. */
    static List<String> invoke(Request request) throws Exception {
        Path definition = DefinitionFiles.single(request.definition(), request.definitionsDirectory());
        TurnpikeConfig config = LocalConfiguration.build(request.configFile(), request.stage(),
                request.stageVariables());
        Headers headers = headers(request.headers());
        byte[] body = body(request.body());
        String path = request.path() == null || request.path().isEmpty() ? "/" : request.path();
        if (!path.startsWith("/")) {
            throw new InvalidInputException("Turnpike: -Dturnpike.path must start with /, got " + path);
        }
        Path work = Files.createTempDirectory("turnpike-invoke-");
        GeneratedApiLoader.LoadedApi loaded = null;
        try {
            loaded = GeneratedApiLoader.load(definition, work, request.pluginClasspath(),
                    LocalServer.classpathEntries(request.extraClasspath()));
            try (Gateway gateway = gateway(loaded, config)) {
                TestInvoke.Result result = TestInvoke.run(gateway, request.method().toUpperCase(java.util.Locale.ROOT),
                        "/" + request.stage() + path, headers, body, request.dryRun(), Clock.systemUTC())
                        .get(60, TimeUnit.SECONDS);
                return print(request, path, result);
            }
        } finally {
            if (loaded != null) {
                loaded.loader().close();
            }
            deleteRecursively(work);
        }
    }

    private static Gateway gateway(GeneratedApiLoader.LoadedApi loaded, TurnpikeConfig config)
            throws InvalidInputException {
        try {
            return Gateway.create(loaded.api(), config);
        } catch (ConfigException e) {
            throw new InvalidInputException("Turnpike: " + e.getMessage(), e);
        }
    }

    private static List<String> print(Request request, String path, TestInvoke.Result result) {
        List<String> lines = new ArrayList<>();
        lines.add("Request: " + request.method().toUpperCase(java.util.Locale.ROOT) + " /" + request.stage() + path
                + (request.dryRun() ? " (dry run: the integration is not called)" : ""));
        lines.add("Status: " + result.status());
        lines.add("Latency: " + result.latencyMillis() + " ms");
        lines.add("Response body:");
        lines.add(result.bodyText());
        lines.add("Response headers:");
        lines.add(result.headers().toString());
        lines.add("Logs:");
        lines.addAll(result.log());
        return lines;
    }

    static Headers headers(String given) throws InvalidInputException {
        Headers headers = new Headers();
        if (given == null || given.isBlank()) {
            return headers;
        }
        for (String pair : given.split(",")) {
            int colon = pair.indexOf(':');
            if (colon <= 0) {
                throw new InvalidInputException("Turnpike: -Dturnpike.headers: expected Name:value pairs separated"
                        + " by commas, got '" + pair.trim() + "'");
            }
            headers.add(pair.substring(0, colon).trim(), pair.substring(colon + 1).trim());
        }
        return headers;
    }

    static byte[] body(String given) throws InvalidInputException {
        if (given == null) {
            return new byte[0];
        }
        if (!given.startsWith("@")) {
            return given.getBytes(StandardCharsets.UTF_8);
        }
        Path file = Path.of(given.substring(1));
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidInputException("Turnpike: -Dturnpike.body=" + given + ": cannot read " + file + ": " + e,
                    e);
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
