package dev.turnpike.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.template.MappingTemplate;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A template the compiler refuses fails the build with its file, JSON pointer and template line:column; listed in
 * {@code interpretedTemplates} it is left to the interpreter, with a warning naming it, and no class is generated
 * for it. Templates the compiler accepts get a class each, registered when the API loads.
 */
class InterpretedTemplatesTest {

    private static final String DEFINE = "#define($greeting)hello#end{\"say\": \"$greeting\"}";
    private static final String POINTER =
            "#/paths/~1pets/get/x-amazon-apigateway-integration/responses/default/responseTemplates/application~1json";

    @TempDir
    Path folder;

    private Path definition() {
        return Definitions.write(folder, "api.yaml", """
                openapi: 3.0.1
                info: {title: t, version: '1'}
                paths:
                  /pets:
                    get:
                      responses: {'200': {description: ok}}
                      x-amazon-apigateway-integration:
                        type: mock
                        requestTemplates:
                          application/json: '{"statusCode": 200}'
                        responses:
                          default:
                            statusCode: '200'
                            responseTemplates:
                              application/json: '%s'
                  /owners:
                    get:
                      responses: {'200': {description: ok}}
                      x-amazon-apigateway-integration:
                        type: mock
                        requestTemplates:
                          application/json: '#set($code = 200){"statusCode": $code}'
                """.formatted(DEFINE.replace("'", "''")));
    }

    @Test
    void aTemplateTheCompilerRefusesFailsTheBuildWithItsPosition() {
        Path out = folder.resolve("out");
        GenerationResult result = Generator.generate(new GenerationRequest(List.of(definition()), out.resolve("java"),
                out.resolve("resources"), "turnpike.generated"));

        assertThat(result.hasErrors()).isTrue();
        assertThat(result.diagnostics()).hasSize(1);
        assertThat(result.diagnostics().get(0).toString()).isEqualTo("api.yaml " + POINTER
                + ": line 1, column 1: #define is not supported by the template compiler; list " + POINTER
                + " in the plugin's interpretedTemplates to render it with the interpreter instead");
        assertThat(result.writtenFiles()).isEmpty();
    }

    @Test
    void aListedTemplateIsInterpretedWithAWarningAndTheOthersAreCompiled() throws Exception {
        Path out = folder.resolve("out");
        GenerationResult result = Generator.generate(new GenerationRequest(List.of(definition()), out.resolve("java"),
                out.resolve("resources"), "turnpike.generated", Set.of(POINTER)));

        assertThat(result.hasErrors()).as(result.diagnostics().toString()).isFalse();
        assertThat(result.diagnostics()).extracting(Diagnostic::toString).containsExactly("api.yaml " + POINTER
                + ": this template is rendered by the interpreter, not compiled (it is listed in interpretedTemplates)");
        try (Stream<Path> files = Files.walk(out.resolve("java"))) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(f -> f.contains("Template")))
                    .containsExactly("ApiTemplate1.java");
        }
        URLClassLoader loader = TestCompiler.compile(List.of(out.resolve("java")), List.of(out.resolve("resources")),
                out.resolve("classes"));
        ServiceLoader.load(GeneratedApi.class, loader).findFirst().orElseThrow();
        assertThat(MappingTemplate.prepare("#set($code = 200){\"statusCode\": $code}", "owners").isCompiled()).isTrue();
        assertThat(MappingTemplate.prepare(DEFINE, "pets").isCompiled()).isFalse();
        assertThat(MappingTemplate.prepare(DEFINE, "pets").render(
                dev.turnpike.runtime.template.TemplateContext.builder().build())).isEqualTo("{\"say\": \"hello\"}");
    }
}
