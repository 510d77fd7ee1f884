package dev.turnpike.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md's arrows, kept honest: the runtime and the filter never import build-time code, and the runtime
 * never sees a container type. (That a WAR carries no build-time jar is checked by shared/contract/check.)
 */
class ModuleBoundariesTest {

    static final List<String> BUILD_TIME = List.of("dev.turnpike.codegen", "dev.turnpike.maven", "org.apache.maven",
            "io.swagger", "com.palantir.javapoet");

    @Test
    void runtimeKnowsNoBuildTimeCodeAndNoContainer() {
        assertThat(importsOf("../runtime/src/main/java", Stream.concat(BUILD_TIME.stream(),
                Stream.of("dev.turnpike.filter", "jakarta.servlet", "jakarta.websocket", "org.eclipse.jetty",
                        "org.apache.catalina", "org.apache.tomcat"))
                .toList())).isEmpty();
    }

    @Test
    void filterKnowsNoBuildTimeCodeAndNoParticularContainer() {
        assertThat(importsOf("../gateway-filter/src/main/java", Stream.concat(BUILD_TIME.stream(),
                Stream.of("org.eclipse.jetty", "org.apache.catalina", "org.apache.tomcat")).toList())).isEmpty();
    }

    /**
     * The management API is an add-on over the filter and the runtime: no build-time code, no particular container,
     * and nothing in the runtime or the filter knows Jersey (it is only in WARs that add the module).
     */
    @Test
    void managementKnowsNoBuildTimeCodeAndOnlyItAndNoOtherModuleKnowsJersey() {
        assertThat(importsOf("../management/src/main/java", Stream.concat(BUILD_TIME.stream(),
                Stream.of("org.eclipse.jetty", "org.apache.catalina", "org.apache.tomcat")).toList())).isEmpty();
        List<String> jaxRs = List.of("org.glassfish.jersey", "jakarta.ws.rs", "dev.turnpike.management");
        assertThat(importsOf("../runtime/src/main/java", jaxRs)).isEmpty();
        assertThat(importsOf("../gateway-filter/src/main/java", jaxRs)).isEmpty();
    }

    /** Each import of a forbidden package in the sources below {@code root}, as {@code file: line}. */
    static List<String> importsOf(String root, List<String> forbidden) {
        try (Stream<Path> files = Files.walk(Path.of(root))) {
            List<Path> sources = files.filter(p -> p.toString().endsWith(".java")).toList();
            assertThat(sources).as("sources under " + root).isNotEmpty();
            return sources.stream().flatMap(p -> lines(p).stream().filter(l -> l.startsWith("import "))
                    .filter(l -> forbidden.stream().anyMatch(l::contains)).map(l -> p + ": " + l)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
