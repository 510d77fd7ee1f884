package dev.turnpike.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Definitions written to hurt the build: each fails with a diagnostic naming the file, quickly, and none hangs or
 * exhausts memory. Before the limits, the alias bomb below kept swagger-parser busy for 33 s and only warned.
 */
class HostileDefinitionsTest {

    @TempDir
    Path folder;

    @Test
    void aYamlAliasBombIsRefused() throws IOException {
        StringBuilder yaml = new StringBuilder("openapi: 3.0.1\ninfo: {title: t, version: '1'}\n");
        yaml.append("x-bomb:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 12; i++) {
            yaml.append("  a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        yaml.append("paths: {}\n");
        List<Diagnostic> diagnostics = validate("bomb.yaml", yaml.toString());
        assertThat(diagnostics).singleElement().satisfies(d -> assertThat(d.toString()).isEqualTo("bomb.yaml:"
                + " cannot read the definition safely: its YAML aliases expand to more than 5000000 values (an alias"
                + " bomb?)"));
    }

    @Test
    void nestingDeeperThanAnyRealDefinitionIsRefused() throws IOException {
        StringBuilder nested = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            nested.append("{\"type\": \"object\", \"properties\": {\"x\": ");
        }
        nested.append("{\"type\": \"string\"}");
        nested.append("}}".repeat(2_000));
        String json = "{\"openapi\": \"3.0.1\", \"info\": {\"title\": \"t\", \"version\": \"1\"}, \"components\":"
                + " {\"schemas\": {\"Deep\": " + nested + ", \"A\": {\"$ref\": \"#/components/schemas/B\"},"
                + " \"B\": {\"$ref\": \"#/components/schemas/A\"}}}, \"paths\": {}}";
        List<Diagnostic> diagnostics = validate("deep.json", json);
        assertThat(diagnostics).singleElement().satisfies(d -> assertThat(d.toString())
                .isEqualTo("deep.json: cannot read the definition safely: nesting deeper than 500 levels"));
    }

    @Test
    void referenceCyclesBetweenModelsDoNotHang() throws IOException {
        List<Diagnostic> diagnostics = validate("cycle.yaml", """
                openapi: 3.0.1
                info: {title: t, version: '1'}
                components:
                  schemas:
                    A: {$ref: '#/components/schemas/B'}
                    B: {$ref: '#/components/schemas/A'}
                paths: {}
                """);
        assertThat(diagnostics).noneMatch(Diagnostic::isError);
    }

    @Test
    void invalidUtf8IsADiagnosticNotACrash() throws IOException {
        Path file = folder.resolve("bad.yaml");
        byte[] text = "openapi: 3.0.1\ninfo: {title: \"t\u00e9\", version: '1'}\npaths: {}\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[text.length + 2];
        System.arraycopy(text, 0, broken, 0, text.length);
        broken[text.length] = (byte) 0xC3; // a lead byte without its continuation
        broken[text.length + 1] = (byte) 0x28;
        Files.write(file, broken);
        List<Diagnostic> diagnostics = Generator.validate(List.of(file));
        assertThat(diagnostics).singleElement().satisfies(d -> assertThat(d.toString())
                .startsWith("bad.yaml: cannot read the definition safely: the file is not UTF-8 text"));
    }

    private List<Diagnostic> validate(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, text);
        return Generator.validate(List.of(file));
    }
}
