package dev.turnpike.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalGeneratorTest {

    @TempDir
    Path project;

    private Path definition;

    @BeforeEach
    void givenADefinition() throws Exception {
        definition = Files.writeString(project.resolve("ping.yaml"), PingApi.DEFINITION);
    }

    @Test
    void generatesOnceThenFindsTheInputsUnchanged() throws Exception {
        IncrementalGenerator.Outcome first = IncrementalGenerator.run(request("turnpike 1"));
        assertThat(first.upToDate()).isFalse();
        assertThat(first.result().hasErrors()).isFalse();
        assertThat(first.result().writtenFiles()).isNotEmpty().allMatch(Files::isRegularFile);
        assertThat(project.resolve("resources/META-INF/services/dev.turnpike.runtime.model.GeneratedApi"))
                .isRegularFile();

        assertThat(IncrementalGenerator.run(request("turnpike 1")).upToDate()).isTrue();
    }

    @Test
    void aNewGeneratorRegeneratesButLeavesFilesWithTheRightContentAlone() throws Exception {
        IncrementalGenerator.run(request("turnpike 1"));

        IncrementalGenerator.Outcome again = IncrementalGenerator.run(request("turnpike 2"));

        assertThat(again.upToDate()).isFalse();
        assertThat(again.result().writtenFiles()).isEmpty();
        assertThat(IncrementalGenerator.run(request("turnpike 2")).upToDate()).isTrue();
    }

    @Test
    void aChangedDefinitionRegenerates() throws Exception {
        IncrementalGenerator.run(request("turnpike 1"));
        Files.writeString(definition, PingApi.DEFINITION.replace("{\"pong\":true}", "{\"pong\":false}"));

        IncrementalGenerator.Outcome again = IncrementalGenerator.run(request("turnpike 1"));

        assertThat(again.upToDate()).isFalse();
        assertThat(again.result().writtenFiles()).isNotEmpty();
    }

    @Test
    void aMissingOutputIsGeneratedAgain() throws Exception {
        IncrementalGenerator.Outcome first = IncrementalGenerator.run(request("turnpike 1"));
        Path deleted = first.result().writtenFiles().get(0);
        Files.delete(deleted);

        IncrementalGenerator.Outcome again = IncrementalGenerator.run(request("turnpike 1"));

        assertThat(again.upToDate()).isFalse();
        assertThat(deleted).isRegularFile();
    }

    @Test
    void aFailedRunIsNotRecordedSoTheNextOneGeneratesAgain() throws Exception {
        IncrementalGenerator.run(request("turnpike 1"));
        Files.writeString(definition, PingApi.DEFINITION.replace("type: mock", "type: carrier_pigeon"));

        IncrementalGenerator.Outcome failed = IncrementalGenerator.run(request("turnpike 1"));
        assertThat(failed.result().hasErrors()).isTrue();
        assertThat(project.resolve("state/generate.digest")).doesNotExist();

        Files.writeString(definition, PingApi.DEFINITION);
        assertThat(IncrementalGenerator.run(request("turnpike 1")).upToDate()).isFalse();
    }

    @Test
    void recordsEveryFileInTheOutputFolders() throws Exception {
        IncrementalGenerator.run(request("turnpike 1"));

        List<String> recorded = Files.readAllLines(project.resolve("state/generate.digest")).stream()
                .filter(l -> l.startsWith("output=")).map(l -> l.substring("output=".length())).toList();
        try (Stream<Path> files = Stream.concat(Files.walk(project.resolve("sources")),
                Files.walk(project.resolve("resources")))) {
            assertThat(recorded).containsExactlyInAnyOrderElementsOf(
                    files.filter(Files::isRegularFile).map(Path::toString).toList());
        }
    }

    private GenerateRequest request(String generatorIdentity) {
        return new GenerateRequest(List.of(definition), project.resolve("sources"), project.resolve("resources"),
                "turnpike.generated", generatorIdentity, project.resolve("state/generate.digest"));
    }
}
