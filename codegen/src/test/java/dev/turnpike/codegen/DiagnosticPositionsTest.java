package dev.turnpike.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Build errors carry the line and column of what they name, in YAML and in JSON, so an IDE can link them. */
class DiagnosticPositionsTest {

    @TempDir
    Path folder;

    @Test
    void yamlErrorsPointAtTheirKeys() {
        Path file = Definitions.write(folder, "api.yaml", """
                openapi: 3.0.1
                info: {title: t, version: '1'}
                paths:
                  /pets:
                    get:
                      x-amazon-apigateway-integration:
                        type: carrier_pigeon
                  /orders/{id}:
                    get:
                      x-amazon-apigateway-integration:
                        type: mock
                        timeoutInMillis: 30000
                """);
        List<Diagnostic> errors = Generator.validate(List.of(file)).stream().filter(Diagnostic::isError).toList();
        assertThat(errors).extracting(Diagnostic::line, Diagnostic::column)
                .containsExactly(Tuple.tuple(7, 9), Tuple.tuple(12, 9));
        assertThat(errors.get(0).located()).isEqualTo(file + ":7:9: error:"
                + " #/paths/~1pets/get/x-amazon-apigateway-integration/type: " + errors.get(0).message());
    }

    @Test
    void jsonErrorsPointAtTheirKeysAndListElements() {
        Path file = Definitions.write(folder, "api.json", """
                {
                  "openapi": "3.0.1",
                  "info": {"title": "t", "version": "1"},
                  "x-amazon-apigateway-binary-media-types": ["image/png",
                      "not a type"],
                  "paths": {}
                }
                """);
        List<Diagnostic> errors = Generator.validate(List.of(file)).stream().filter(Diagnostic::isError).toList();
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.pointer()).isEqualTo("/x-amazon-apigateway-binary-media-types/1");
            assertThat(error.line()).isEqualTo(5);
            assertThat(error.column()).isEqualTo(7);
        });
    }

    @Test
    void aMissingFieldPointsAtTheDeepestPartThatIsThere() {
        Path file = Definitions.write(folder, "api.yaml", """
                openapi: 3.0.1
                info: {title: t, version: '1'}
                paths:
                  /pets:
                    get:
                      x-amazon-apigateway-integration:
                        httpMethod: GET
                """);
        List<Diagnostic> errors = Generator.validate(List.of(file)).stream().filter(Diagnostic::isError).toList();
        assertThat(errors).isNotEmpty().allSatisfy(error -> assertThat(error.line()).isBetween(6, 7));
    }

    @Test
    void aFileThatIsNotYamlStillGetsItsMessage() {
        Path file = Definitions.write(folder, "api.yaml", "openapi: [unclosed\n");
        List<Diagnostic> errors = Generator.validate(List.of(file));
        assertThat(errors).isNotEmpty();
        assertThat(errors.get(0).located()).startsWith(file + ": error: #: ");
    }
}
