package dev.turnpike.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InMemoryCompilerTest {

    @TempDir
    Path sources;

    private final InMemoryCompiler compiler = new InMemoryCompiler(TestClasspath.entries());

    @Test
    void compilesSourcesThatUseEachOtherAndTheClasspathIntoMemory() throws Exception {
        Path greeting = givenSource("demo/Greeting.java", """
                package demo;
                public final class Greeting {
                    public static String of(String name) {
                        return new Shout().apply("hello " + name);
                    }
                    static final class Shout {
                        String apply(String text) {
                            return text.toUpperCase() + " via " + dev.turnpike.runtime.model.IntegrationType.MOCK;
                        }
                    }
                }
                """);
        Path caller = givenSource("demo/other/Caller.java", """
                package demo.other;
                public final class Caller implements java.util.function.Supplier<String> {
                    public String get() {
                        return demo.Greeting.of("turnpike");
                    }
                }
                """);

        Map<String, byte[]> classes = compiler.compile(List.of(greeting, caller));

        assertThat(classes).containsOnlyKeys("demo.Greeting", "demo.Greeting$Shout", "demo.other.Caller");
        try (CompiledClassLoader loader = new CompiledClassLoader(classes, new java.net.URL[0],
                getClass().getClassLoader())) {
            Object supplier = loader.loadClass("demo.other.Caller").getConstructor().newInstance();
            assertThat(((java.util.function.Supplier<?>) supplier).get()).isEqualTo("HELLO TURNPIKE via MOCK");
        }
        try (var files = Files.walk(sources)) {
            assertThat(files.filter(p -> p.toString().endsWith(".class"))).isEmpty();
        }
    }

    @Test
    void reportsEveryErrorWithFileAndLine() throws Exception {
        Path broken = givenSource("demo/Broken.java", """
                package demo;
                class Broken {
                    int count = "three";
                    long size = true;
                }
                """);

        assertThatThrownBy(() -> compiler.compile(List.of(broken)))
                .isInstanceOf(InMemoryCompiler.CompilationException.class)
                .hasMessage("Broken.java:3: incompatible types: java.lang.String cannot be converted to int\n"
                        + "Broken.java:4: incompatible types: boolean cannot be converted to long");
    }

    private Path givenSource(String path, String code) throws Exception {
        Path file = sources.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, code);
    }
}
