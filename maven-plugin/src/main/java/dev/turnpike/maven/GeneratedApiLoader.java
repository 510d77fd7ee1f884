package dev.turnpike.maven;

import dev.turnpike.codegen.Diagnostic;
import dev.turnpike.codegen.GeneratedApiInfo;
import dev.turnpike.codegen.GenerationRequest;
import dev.turnpike.codegen.GenerationResult;
import dev.turnpike.codegen.Generator;
import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.websocket.WebSocketApi;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * One definition made into a live {@link GeneratedApi} the way a WAR gets it: generated to sources, compiled (in
 * memory here), and found with {@link ServiceLoader} through the generated {@code META-INF/services} file.
 */
final class GeneratedApiLoader {

    /** The package {@code turnpike:generate} uses by default, so {@code run} serves the same classes. */
    static final String BASE_PACKAGE = "turnpike.generated";

    private GeneratedApiLoader() {
    }

    /**
     * The loaded API, its class loader (close it when done) and the definition's warnings.
     */
    record LoadedApi(GeneratedApi api, GeneratedApiInfo info, CompiledClassLoader loader, List<Diagnostic> warnings) {
    }

    /**
     * @param workFolder an empty folder for the generated files; the resources must stay there while the API is
     *     served
     * @param compileClasspath what the generated code compiles against: the runtime and its dependencies
     * @param extraClasspath more jars and folders for the API's class loader
     * @throws InvalidInputException when the definition has errors, listing every one
     */
    static LoadedApi load(Path definition, Path workFolder, List<Path> compileClasspath, List<Path> extraClasspath)
            throws InvalidInputException, IOException, InMemoryCompiler.CompilationException {
        GenerationResult result = generate(definition, workFolder);
        GeneratedApiInfo info = result.apis().get(0);
        CompiledClassLoader loader = compile(workFolder, compileClasspath, extraClasspath);
        try {
            GeneratedApi api = ServiceLoader.load(GeneratedApi.class, loader).stream()
                    .filter(provider -> provider.type().getName().equals(info.qualifiedClassName()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("the generated META-INF/services/"
                            + GeneratedApi.class.getName() + " does not list " + info.qualifiedClassName()))
                    .get();
            List<Diagnostic> warnings = result.diagnostics().stream().filter(d -> !d.isError()).toList();
            return new LoadedApi(api, info, loader, warnings);
        } catch (RuntimeException | Error e) {
            loader.close();
            throw e;
        }
    }

    /** A WebSocket API ({@code x-amazon-apigateway-websocket-api}), its class loader and the warnings. */
    record LoadedWebSocketApi(WebSocketApi api, CompiledClassLoader loader, List<Diagnostic> warnings) {
    }

    /** As {@link #load}, for a WebSocket definition. */
    static LoadedWebSocketApi loadWebSocket(Path definition, Path workFolder, List<Path> compileClasspath,
            List<Path> extraClasspath) throws InvalidInputException, IOException,
            InMemoryCompiler.CompilationException {
        GenerationResult result = generate(definition, workFolder);
        CompiledClassLoader loader = compile(workFolder, compileClasspath, extraClasspath);
        try {
            WebSocketApi api = ServiceLoader.load(WebSocketApi.class, loader).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the generated META-INF/services/"
                            + WebSocketApi.class.getName() + " lists no API"));
            return new LoadedWebSocketApi(api, loader,
                    result.diagnostics().stream().filter(d -> !d.isError()).toList());
        } catch (RuntimeException | Error e) {
            loader.close();
            throw e;
        }
    }

    private static GenerationResult generate(Path definition, Path workFolder) throws InvalidInputException {
        GenerationResult result = Generator.generate(new GenerationRequest(List.of(definition),
                workFolder.resolve("sources"), workFolder.resolve("resources"), BASE_PACKAGE));
        if (result.hasErrors()) {
            throw new InvalidInputException(DiagnosticReport.failureMessage(result.diagnostics()));
        }
        return result;
    }

    /** The generated sources compiled in memory, in a loader that also sees the generated resources. */
    private static CompiledClassLoader compile(Path workFolder, List<Path> compileClasspath,
            List<Path> extraClasspath) throws IOException, InMemoryCompiler.CompilationException {
        List<Path> classpath = new ArrayList<>(compileClasspath);
        classpath.addAll(extraClasspath);
        Map<String, byte[]> classes = new InMemoryCompiler(classpath).compile(javaFiles(workFolder.resolve("sources")));
        List<URL> urls = new ArrayList<>();
        urls.add(url(workFolder.resolve("resources")));
        for (Path extra : extraClasspath) {
            urls.add(url(extra));
        }
        return new CompiledClassLoader(classes, urls.toArray(URL[]::new), GeneratedApiLoader.class.getClassLoader());
    }

    private static List<Path> javaFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static URL url(Path path) throws MalformedURLException {
        return path.toUri().toURL();
    }
}
