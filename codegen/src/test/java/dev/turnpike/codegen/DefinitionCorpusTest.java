package dev.turnpike.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every definition that ever hurt the build, replayed (issue 14, item 7): the files of
 * {@code src/test/resources/fuzz-corpus/definitions/}, written by {@link DefinitionFuzzTest} when it finds one or
 * by hand for a bug found otherwise. Each must end in diagnostics naming the file, or in sources, never in an
 * exception; where a {@code <name>.expected} file sits next to it, the diagnostics must be exactly its lines.
 */
class DefinitionCorpusTest {

    @TempDir
    Path output;

    static Stream<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.list(DefinitionFuzzTest.CORPUS)) {
            return files.filter(f -> !f.toString().endsWith(".expected")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void aPastFailureEndsInDiagnosticsOrSources(Path definition) throws IOException {
        assertThat(build(definition, output).problem()).isNull();

        Path expected = definition.resolveSibling(definition.getFileName() + ".expected");
        if (Files.exists(expected)) {
            assertThat(Generator.validate(List.of(definition)).stream().map(Diagnostic::toString)
                    .collect(Collectors.joining("\n")))
                    .isEqualTo(Files.readString(expected, StandardCharsets.UTF_8).strip());
        }
    }

    /** How the build treated a definition: {@code problem} is {@code null} when it was handled as it should be. */
    record Built(String problem, boolean refused) {
    }

    /**
     * Generates {@code definition} into {@code output}. A problem is an exception (with its stack), or an error
     * diagnostic that does not name the file; a definition with error diagnostics is refused.
     */
    static Built build(Path definition, Path output) {
        try {
            GenerationResult result = Generator.generate(new GenerationRequest(List.of(definition),
                    output.resolve("java"), output.resolve("resources"), "fuzz.generated"));
            for (Diagnostic d : result.diagnostics()) {
                if (d.isError() && !d.toString().startsWith(definition.getFileName().toString())) {
                    return new Built("a diagnostic without the file: " + d, true);
                }
            }
            return new Built(null, result.diagnostics().stream().anyMatch(Diagnostic::isError));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            StringWriter stack = new StringWriter();
            e.printStackTrace(new PrintWriter(stack));
            return new Built(stack.toString(), true);
        }
    }
}
