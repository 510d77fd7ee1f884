package dev.turnpike.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedApiLoaderTest {

    @TempDir
    Path folder;

    @Test
    void loadsTheGeneratedApiThroughItsServiceFileWithTheExtraClasspath() throws Exception {
        Path definition = Files.writeString(folder.resolve("ping.yaml"), PingApi.DEFINITION);
        Path extra = Files.createDirectories(folder.resolve("extra"));
        Files.writeString(extra.resolve("handler.txt"), "from the extra classpath");

        GeneratedApiLoader.LoadedApi loaded = GeneratedApiLoader.load(definition,
                Files.createDirectories(folder.resolve("work")), TestClasspath.entries(), List.of(extra));
        try (CompiledClassLoader loader = loaded.loader()) {
            assertThat(loaded.api().getClass().getName()).isEqualTo(loaded.info().qualifiedClassName());
            assertThat(loaded.api().getClass().getClassLoader()).isSameAs(loader);
            assertThat(loaded.info().qualifiedClassName()).startsWith("turnpike.generated.ping.");
            assertThat(loaded.api().title()).isEqualTo("ping-api");
            assertThat(loaded.api().operations()).hasSize(1);
            assertThat(loader.getResource("handler.txt")).isNotNull();
            assertThat(loaded.warnings()).isEmpty();
        }
    }
}
