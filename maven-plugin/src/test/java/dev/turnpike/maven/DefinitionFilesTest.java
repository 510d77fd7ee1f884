package dev.turnpike.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefinitionFilesTest {

    @TempDir
    Path openapi;

    @Test
    void findsEveryYamlAndJsonFileDirectlyInTheFolderByName() throws Exception {
        givenFiles("b.yml", "a.yaml", "c.JSON", "notes.txt", "nested/d.yaml");

        assertThat(DefinitionFiles.resolve(null, openapi.toFile()))
                .containsExactly(openapi.resolve("a.yaml"), openapi.resolve("b.yml"), openapi.resolve("c.JSON"));
    }

    @Test
    void configuredFilesReplaceTheFolder() throws Exception {
        givenFiles("a.yaml", "other/api.json");

        assertThat(DefinitionFiles.resolve(List.of(openapi.resolve("other/api.json").toFile()), openapi.toFile()))
                .containsExactly(openapi.resolve("other/api.json"));
    }

    @Test
    void namesTheFolderWhenItHoldsNoDefinition() throws Exception {
        givenFiles("notes.txt");

        assertThatThrownBy(() -> DefinitionFiles.resolve(List.of(), openapi.toFile()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Turnpike: no OpenAPI definition (*.yaml, *.yml, *.json) in " + openapi
                        + ". Put one there, or list files in the plugin's <definitions>.");
    }

    @Test
    void namesEveryConfiguredFileMissing() {
        File one = openapi.resolve("one.yaml").toFile();
        File two = openapi.resolve("two.yaml").toFile();

        assertThatThrownBy(() -> DefinitionFiles.resolve(List.of(one, two), openapi.toFile()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Turnpike: configured OpenAPI definitions not found: " + one + ", " + two);
    }

    @Test
    void runServesTheOnlyDefinitionOfTheFolder() throws Exception {
        givenFiles("api.yaml");

        assertThat(DefinitionFiles.single(null, openapi)).isEqualTo(openapi.resolve("api.yaml"));
    }

    @Test
    void runNamesADefinitionThatIsNotThere() {
        Path missing = openapi.resolve("nope.yaml");

        assertThatThrownBy(() -> DefinitionFiles.single(missing, openapi))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Turnpike: -Dturnpike.definition: no such file: " + missing);
    }

    @Test
    void runAsksWhichDefinitionWhenThereAreSeveral() throws Exception {
        givenFiles("a.yaml", "b.json");

        assertThatThrownBy(() -> DefinitionFiles.single(null, openapi))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Turnpike: name the definition to serve with -Dturnpike.definition=<file> (" + openapi
                        + " has 2: a.yaml, b.json)");
    }

    @Test
    void runAsksForADefinitionOutsideAProject() {
        Path none = openapi.resolve("src/main/openapi");

        assertThatThrownBy(() -> DefinitionFiles.single(null, none))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Turnpike: name the definition to serve with -Dturnpike.definition=<file> (there is none in "
                        + none + ")");
    }

    private void givenFiles(String... names) throws Exception {
        for (String name : names) {
            Path file = openapi.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "openapi: 3.0.1\n");
        }
    }
}
