package dev.turnpike.it;

import java.nio.file.Files;
import java.nio.file.Path;

/** The petstore example's WAR file, as Maven resolved it (the build sets {@code turnpike.it.petstoreWar}). */
final class PetstoreWar {

    static final String PROPERTY = "turnpike.it.petstoreWar";

    private PetstoreWar() {
    }

    static Path file() {
        String path = System.getProperty(PROPERTY);
        if (path == null || path.isEmpty()) {
            throw new IllegalStateException(PROPERTY + " is not set: run through Maven, or set it to the petstore WAR");
        }
        Path war = Path.of(path);
        if (!Files.isRegularFile(war)) {
            throw new IllegalStateException(PROPERTY + "=" + path + ": no such file (build examples/petstore first)");
        }
        return war;
    }
}
