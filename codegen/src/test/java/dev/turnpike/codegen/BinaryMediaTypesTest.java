package dev.turnpike.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.runtime.model.GeneratedApi;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code x-amazon-apigateway-binary-media-types} reaches the generated API; without it the default (none) stays. */
class BinaryMediaTypesTest {

    @TempDir
    Path folder;

    @Test
    void theDefinitionsBinaryMediaTypesAreGenerated() {
        assertThat(generate("""
                openapi: 3.0.1
                info: {title: t, version: '1'}
                x-amazon-apigateway-binary-media-types: [image/png, 'application/*']
                paths:
                  /pets:
                    get:
                      x-amazon-apigateway-integration: {type: mock}
                """).binaryMediaTypes()).containsExactly("image/png", "application/*");
    }

    @Test
    void noneWithoutTheExtension() {
        assertThat(generate("""
                openapi: 3.0.1
                info: {title: t, version: '1'}
                paths:
                  /pets:
                    get:
                      x-amazon-apigateway-integration: {type: mock}
                """).binaryMediaTypes()).isEmpty();
    }

    private GeneratedApi generate(String definition) {
        Path out = folder.resolve("out");
        GenerationResult result = Generator.generate(new GenerationRequest(
                List.of(Definitions.write(folder, "api.yaml", definition)), out.resolve("java"),
                out.resolve("resources"), "turnpike.generated"));
        assertThat(result.hasErrors()).as(result.diagnostics().toString()).isFalse();
        URLClassLoader loader = TestCompiler.compile(List.of(out.resolve("java")), List.of(out.resolve("resources")),
                out.resolve("classes"));
        return ServiceLoader.load(GeneratedApi.class, loader).findFirst().orElseThrow();
    }
}
