package dev.turnpike.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The tests' own classpath: what the plugin's artifacts are when Maven runs it. */
final class TestClasspath {

    private TestClasspath() {
    }

    static List<Path> entries() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of).toList();
    }
}
