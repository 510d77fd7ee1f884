package dev.turnpike.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins the generated source of {@code golden/petstore.yaml} (MOCK, HTTP_PROXY, any-method, a path parameter, a
 * greedy parameter, an intermediate resource) and the definition kept for GetExport. After a deliberate change to the output, run with
 * {@code -Dturnpike.updateGoldens=true} and review the diff of {@code src/test/resources/golden/}.
 */
class GoldenFileTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final List<String> FILES = List.of(
            "turnpike/generated/petstore/PetstoreOperations.java",
            "turnpike/generated/petstore/PetstoreApi.java",
            "META-INF/services/dev.turnpike.runtime.model.GeneratedApi",
            "META-INF/turnpike/exports/turnpike.generated.petstore.PetstoreApi.json");

    @TempDir
    Path out;

    @Test
    void generatedSourceMatchesTheGoldenFiles() throws IOException {
        GenerationResult result = Generator.generate(new GenerationRequest(List.of(GOLDEN.resolve("petstore.yaml")),
                out.resolve("java"), out.resolve("resources"), "turnpike.generated"));

        assertThat(result.diagnostics()).isEmpty();
        for (String file : FILES) {
            Path generated = (file.startsWith("META-INF") ? out.resolve("resources") : out.resolve("java")).resolve(file);
            Path golden = GOLDEN.resolve("petstore").resolve(Path.of(file).getFileName());
            if (Boolean.getBoolean("turnpike.updateGoldens")) {
                Files.copy(generated, golden, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            assertThat(generated).as(file + " against " + golden + " (-Dturnpike.updateGoldens=true rewrites it)")
                    .hasSameTextualContentAs(golden);
        }
    }

    @Test
    void reportsTheGeneratedApi() {
        GenerationResult result = Generator.generate(new GenerationRequest(List.of(GOLDEN.resolve("petstore.yaml")),
                out.resolve("java"), out.resolve("resources"), "turnpike.generated"));

        assertThat(result.apis()).singleElement().satisfies(api -> {
            assertThat(api.name()).isEqualTo("petstore");
            assertThat(api.qualifiedClassName()).isEqualTo("turnpike.generated.petstore.PetstoreApi");
            assertThat(api.deploymentId()).matches("[a-z0-9]{10}");
            assertThat(api.operations()).isEqualTo(5);
        });
        assertThat(result.writtenFiles()).hasSize(4);
    }
}
