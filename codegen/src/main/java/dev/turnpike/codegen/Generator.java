package dev.turnpike.codegen;

import com.palantir.javapoet.JavaFile;
import dev.turnpike.codegen.check.ApiChecks;
import dev.turnpike.codegen.check.Diagnostics;
import dev.turnpike.codegen.emit.ApiEmitter.EmittedApi;
import dev.turnpike.codegen.emit.ApiEmitter;
import dev.turnpike.codegen.emit.OutputFiles;
import dev.turnpike.codegen.model.ApiModel;
import dev.turnpike.codegen.model.ApiName;
import dev.turnpike.codegen.model.CheckedApi;
import dev.turnpike.codegen.model.JsonPointer;
import dev.turnpike.codegen.model.Resource;
import dev.turnpike.codegen.openapi.DefinitionReader;
import dev.turnpike.codegen.websocket.WebSocketApiEmitter;
import dev.turnpike.codegen.websocket.WebSocketDefinitionReader;
import dev.turnpike.codegen.websocket.WebSocketModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one entry of codegen, for the Maven plugin's goals and for tests: definitions in, diagnostics and Java
 * sources out. Each definition is read into a model, checked, and only when no definition has an error are the
 * sources written; a run with an error writes nothing, so the last good sources stay as they were.
 */
public final class Generator {

    private Generator() {
    }

    /**
     * Reads, checks and (if no errors) writes Java sources + META-INF/services file. Never throws for a bad
     * definition: problems come back as diagnostics.
     *
     * @throws java.io.UncheckedIOException when the output cannot be written
     */
    public static GenerationResult generate(GenerationRequest request) {
        Checked checked = check(request.definitions());
        if (checked.hasErrors()) {
            return new GenerationResult(checked.diagnostics(), List.of(), List.of());
        }
        List<JavaFile> sources = new ArrayList<>();
        List<String> apiClasses = new ArrayList<>();
        List<GeneratedApiInfo> apis = new ArrayList<>();
        List<String> webSocketClasses = new ArrayList<>();
        for (CheckedWebSocketApi ws : checked.webSocketApis()) {
            JavaFile file = WebSocketApiEmitter.emit(ws.model(), ws.name().identifier(), ws.name().classPrefix(),
                    request.basePackage() + "." + ws.name().identifier(), ws.definition().getFileName().toString());
            sources.add(file);
            webSocketClasses.add(file.packageName() + "." + file.typeSpec().name());
        }
        List<Diagnostic> diagnostics = new ArrayList<>(checked.diagnostics());
        for (CheckedApi api : checked.apis()) {
            Diagnostics emitting = new Diagnostics(api.definition());
            EmittedApi emitted = ApiEmitter.emit(api, request.basePackage(), request.interpretedTemplates(), emitting);
            diagnostics.addAll(emitting.all());
            sources.addAll(emitted.files());
            apiClasses.add(emitted.apiClass().canonicalName());
            apis.add(new GeneratedApiInfo(api.name().identifier(), emitted.apiClass().canonicalName(),
                    emitted.deploymentId(), api.definition(), api.model().operations().size()));
        }
        if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
            return new GenerationResult(diagnostics, List.of(), List.of()); // a template the compiler refuses
        }
        OutputFiles output = new OutputFiles(request.sourceOutput(), request.resourceOutput());
        List<Path> written = output.write(sources, apiClasses, webSocketClasses);
        return new GenerationResult(diagnostics, apis, written);
    }

    /** Reads and checks only. */
    public static List<Diagnostic> validate(List<Path> definitions) {
        return check(definitions).diagnostics();
    }

    /** A WebSocket definition, read and checked. */
    private record CheckedWebSocketApi(ApiName name, Path definition, WebSocketModel model) {
    }

    private record Checked(List<Diagnostic> diagnostics, List<CheckedApi> apis,
            List<CheckedWebSocketApi> webSocketApis) {
        boolean hasErrors() {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }
    }

    private static Checked check(List<Path> definitions) {
        List<Diagnostic> all = new ArrayList<>();
        List<CheckedApi> apis = new ArrayList<>();
        List<CheckedWebSocketApi> webSocketApis = new ArrayList<>();
        Map<String, Path> takenNames = new HashMap<>();
        for (Path definition : definitions) {
            Diagnostics diagnostics = new Diagnostics(definition);
            ApiName name = ApiName.of(definition);
            Path other = takenNames.putIfAbsent(name.identifier(), definition);
            if (other != null) {
                diagnostics.error(JsonPointer.ROOT, "the API name '" + name.identifier() + "' (from the file name) is"
                        + " taken by " + other.getFileName() + ": rename one of the files");
            }
            if (WebSocketDefinitionReader.isWebSocket(definition)) {
                WebSocketModel webSocket = WebSocketDefinitionReader.read(definition, diagnostics);
                if (webSocket != null) {
                    webSocketApis.add(new CheckedWebSocketApi(name, definition, webSocket));
                }
                all.addAll(diagnostics.all());
                continue;
            }
            ApiModel model = DefinitionReader.read(definition, diagnostics);
            if (model != null) {
                Resource routes = ApiChecks.check(model, diagnostics);
                apis.add(new CheckedApi(name, definition, model, routes));
            }
            all.addAll(diagnostics.all());
        }
        return new Checked(all, apis, webSocketApis);
    }
}
