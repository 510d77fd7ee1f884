package dev.turnpike.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** DESIGN.md's arrows: the runtime knows nothing of codegen, Maven, swagger-parser or the servlet API. */
class StructureTest {

    @Test
    void runtimeImportsNoBuildTimeOrContainerType() throws IOException {
        List<String> forbidden = List.of("dev.turnpike.codegen", "dev.turnpike.maven", "dev.turnpike.filter",
                "org.apache.maven", "io.swagger", "com.palantir.javapoet", "jakarta.servlet");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<String> violations = files.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
                try {
                    return Files.readAllLines(p).stream().filter(l -> l.startsWith("import"))
                            .filter(l -> forbidden.stream().anyMatch(l::contains)).map(l -> p + ": " + l);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            assertThat(violations).isEmpty();
        }
    }
}
