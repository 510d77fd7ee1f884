package dev.turnpike.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.turnpike.codegen.check.Diagnostics;
import dev.turnpike.codegen.model.CheckedApi;
import dev.turnpike.codegen.model.IntegrationModel;
import dev.turnpike.codegen.model.IntegrationResponseModel;
import dev.turnpike.codegen.model.JsonPointer;
import dev.turnpike.codegen.model.OperationModel;
import dev.turnpike.codegen.vtl.VtlCompileException;
import dev.turnpike.codegen.vtl.VtlCompiler;
import dev.turnpike.runtime.model.GatewayResponseSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One class per distinct mapping template of an API (request, response and gateway response templates), compiled
 * by {@link VtlCompiler}. A template the compiler refuses fails the build with its file, JSON pointer and template
 * line:column, unless the user listed its pointer in {@code interpretedTemplates}: that one is left to the
 * interpreter, with a warning naming it. Templates that are plain text need no class.
 */
final class TemplateClassesEmitter {

    /** The classes to write, and to register when the API class loads. */
    record Emitted(List<JavaFile> files, List<ClassName> classes) {
    }

    private final CheckedApi api;
    private final String packageName;
    private final Set<String> interpreted;
    private final Diagnostics diagnostics;
    private final Map<String, ClassName> bySource = new LinkedHashMap<>();
    private final List<JavaFile> files = new ArrayList<>();

    private TemplateClassesEmitter(CheckedApi api, String packageName, Set<String> interpreted,
            Diagnostics diagnostics) {
        this.api = api;
        this.packageName = packageName;
        this.interpreted = interpreted;
        this.diagnostics = diagnostics;
    }

    static Emitted emit(CheckedApi api, String packageName, Set<String> interpreted, Diagnostics diagnostics) {
        TemplateClassesEmitter emitter = new TemplateClassesEmitter(api, packageName, interpreted, diagnostics);
        for (OperationModel operation : api.model().operations()) {
            IntegrationModel integration = operation.integration();
            if (integration == null) {
                continue;
            }
            emitter.all(integration.requestTemplates(), integration.field("requestTemplates"));
            for (IntegrationResponseModel response : integration.responses()) {
                emitter.all(response.responseTemplates(), response.pointer().append("responseTemplates"));
            }
        }
        for (GatewayResponseSpec response : api.model().gatewayResponses().values()) {
            emitter.all(response.responseTemplates(), new JsonPointer(response.pointer()).append("responseTemplates"));
        }
        return new Emitted(List.copyOf(emitter.files), List.copyOf(emitter.bySource.values()));
    }

    private void all(Map<String, String> templates, JsonPointer at) {
        templates.forEach((contentType, source) -> one(source, at.append(contentType)));
    }

    private void one(String source, JsonPointer pointer) {
        if (source.indexOf('$') < 0 && source.indexOf('#') < 0 || bySource.containsKey(source)) {
            return; // plain text renders as itself; the same text needs one class
        }
        if (interpreted.contains(pointer.toString())
                || interpreted.contains(api.sourceFileName() + " " + pointer)) {
            diagnostics.warning(pointer, "this template is rendered by the interpreter, not compiled"
                    + " (it is listed in interpretedTemplates)");
            return;
        }
        ClassName type = ClassName.get(packageName,
                api.name().classPrefix() + "Template" + (bySource.size() + 1));
        try {
            files.add(VtlCompiler.compile(source, api.sourceFileName() + " " + pointer, type));
            bySource.put(source, type);
        } catch (VtlCompileException e) {
            diagnostics.error(pointer, e.getMessage() + "; list " + pointer
                    + " in the plugin's interpretedTemplates to render it with the interpreter instead");
        }
    }
}
