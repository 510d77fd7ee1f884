package dev.turnpike.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** DESIGN.md's arrows: the filter depends on the runtime only, never on build-time code. */
class StructureTest {

    @Test
    void filterImportsNoBuildTimeType() throws IOException {
        List<String> forbidden = List.of("dev.turnpike.codegen", "dev.turnpike.maven", "org.apache.maven",
                "io.swagger", "com.palantir.javapoet", "org.eclipse.jetty", "org.apache.catalina");
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
