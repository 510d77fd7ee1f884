package dev.turnpike.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.turnpike.codegen.Diagnostic.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticTest {

    @Test
    void printsTheFileNameThePointerAndTheReason() {
        Diagnostic diagnostic = new Diagnostic(Severity.ERROR, Path.of("/home/me/api/petstore.yaml"),
                "/paths/~1pets/get/x-amazon-apigateway-integration/uri", "uri 'x' is not an absolute http or https URL");

        assertThat(diagnostic).hasToString("petstore.yaml #/paths/~1pets/get/x-amazon-apigateway-integration/uri: uri 'x'"
                + " is not an absolute http or https URL");
    }

    @Test
    void wholeDocumentProblemsHaveNoPointer() {
        assertThat(new Diagnostic(Severity.WARNING, Path.of("petstore.yaml"), "", "something"))
                .hasToString("petstore.yaml: something");
    }

    @Test
    void basePackageMustBeAJavaPackageName() {
        assertThatThrownBy(() -> new GenerationRequest(List.of(), Path.of("a"), Path.of("b"), "turnpike-generated"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a valid Java package name: 'turnpike-generated'");
    }
}
