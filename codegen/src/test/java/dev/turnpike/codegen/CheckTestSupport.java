package dev.turnpike.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given a definition, then these diagnostics: the whole message, file and pointer included, as a build prints it.
 */
abstract class CheckTestSupport {

    static final String INTEGRATION = "api.yaml #/paths/~1pets/get/x-amazon-apigateway-integration";

    @TempDir
    Path folder;

    List<Diagnostic> diagnostics;

    void givenDefinition(String text) {
        diagnostics = Generator.validate(List.of(Definitions.write(folder, "api.yaml", text)));
    }

    void thenErrors(String... messages) {
        assertThat(diagnostics.stream().filter(Diagnostic::isError).map(Diagnostic::toString))
                .containsExactly(messages);
    }

    /** Leaves out swagger-parser's OpenAPI schema warnings (these small definitions have no responses). */
    void thenWarnings(String... messages) {
        assertThat(diagnostics.stream().filter(d -> !d.isError()).map(Diagnostic::toString)
                .filter(message -> !message.contains(": OpenAPI schema: "))).containsExactly(messages);
    }
}
