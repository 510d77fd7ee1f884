package dev.turnpike.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.turnpike.codegen.vtl.VtlCompileException;
import dev.turnpike.codegen.vtl.VtlCompiler;
import dev.turnpike.runtime.template.CompiledTemplate;
import dev.turnpike.runtime.template.MappingTemplate;
import dev.turnpike.runtime.template.RenderLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles many templates with {@link VtlCompiler} in one javac run (all lint warnings as errors) and loads them as
 * {@link MappingTemplate}s, for tests that compare them with the reference engine.
 */
public final class TemplateClassCompiler {

    private TemplateClassCompiler() {
    }

    /**
     * @return one template per source, in order: compiled, or null where the compiler refused the source (the
     *     reason is then in {@code refusals} at the same index)
     */
    public static List<MappingTemplate> compile(List<String> sources, Path folder, List<String> refusals) {
        return compile(sources, folder, refusals, RenderLimits.DEFAULT);
    }

    /** As {@link #compile(List, Path, List)}, rendering within {@code limits}. */
    public static List<MappingTemplate> compile(List<String> sources, Path folder, List<String> refusals,
            RenderLimits limits) {
        Path java = folder.resolve("java");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            ClassName type = ClassName.get("turnpike.generated.vtl", "Template" + i);
            try {
                JavaFile file = VtlCompiler.compile(sources.get(i), "template " + i, type);
                file.writeTo(java);
                names.add(type.canonicalName());
                refusals.add(null);
            } catch (VtlCompileException e) {
                names.add(null);
                refusals.add(e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<MappingTemplate> templates = new ArrayList<>();
        if (names.stream().allMatch(n -> n == null)) {
            names.forEach(n -> templates.add(null));
            return templates;
        }
        URLClassLoader loader = TestCompiler.compile(List.of(java), List.of(), folder.resolve("classes"));
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name == null) {
                templates.add(null);
                continue;
            }
            try {
                CompiledTemplate compiled = (CompiledTemplate) loader.loadClass(name).getDeclaredConstructor()
                        .newInstance();
                templates.add(MappingTemplate.compiled(compiled, "template", limits));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return templates;
    }

    /** The Java the compiler makes of one template, for reading. */
    public static String javaOf(String source) throws VtlCompileException {
        return VtlCompiler.compile(source, "example", ClassName.get("turnpike.generated.vtl", "Example")).toString();
    }
}
