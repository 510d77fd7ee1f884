package dev.turnpike.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small definitions for tests, written to a folder so they are read exactly as a user's files are. */
final class Definitions {

    private Definitions() {
    }

    static Path write(Path folder, String fileName, String text) {
        try {
            Path file = folder.resolve(fileName);
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An OpenAPI 3.0 definition with the given {@code paths} (YAML, indented as under {@code paths:}). */
    static String openApi(String paths) {
        return "openapi: 3.0.1\ninfo:\n  title: Test\n  version: '1'\npaths:\n" + paths;
    }

    /** {@code GET /pets} with the given integration (YAML fields, not indented). */
    static String getPetsWith(String integration) {
        return openApi("""
                  /pets:
                    get:
                      x-amazon-apigateway-integration:
                """ + integration.indent(8));
    }

    /** The test resource {@code name}, as a file. */
    static Path resource(String name) {
        try {
            return Path.of(Definitions.class.getResource("/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
