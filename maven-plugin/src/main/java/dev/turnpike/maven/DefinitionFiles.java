package dev.turnpike.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Which OpenAPI definitions a goal reads: the ones configured, or else every one in the definitions folder. */
final class DefinitionFiles {

    private DefinitionFiles() {
    }

    /**
     * {@code configured} when given (each must be a file), else every {@code *.yaml}, {@code *.yml} and
     * {@code *.json} directly in {@code folder}, by name; never empty.
     */
    static List<Path> resolve(List<File> configured, File folder) throws InvalidInputException {
        if (configured != null && !configured.isEmpty()) {
            List<Path> files = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (File file : configured) {
                Path path = file.toPath().toAbsolutePath().normalize();
                if (Files.isRegularFile(path)) {
                    files.add(path);
                } else {
                    missing.add(path.toString());
                }
            }
            if (!missing.isEmpty()) {
                throw new InvalidInputException("Turnpike: configured OpenAPI definitions not found: "
                        + String.join(", ", missing));
            }
            return List.copyOf(files);
        }
        List<Path> found = inFolder(folder.toPath());
        if (found.isEmpty()) {
            throw new InvalidInputException("Turnpike: no OpenAPI definition (*.yaml, *.yml, *.json) in "
                    + folder.getAbsolutePath() + ". Put one there, or list files in the plugin's <definitions>.");
        }
        return found;
    }

    /** The one definition {@code turnpike:run} serves: {@code given} if set, else the only one in {@code folder}. */
    static Path single(Path given, Path folder) throws InvalidInputException {
        if (given != null) {
            Path path = given.toAbsolutePath().normalize();
            if (!Files.isRegularFile(path)) {
                throw new InvalidInputException("Turnpike: -Dturnpike.definition: no such file: " + path);
            }
            return path;
        }
        List<Path> found = inFolder(folder);
        if (found.size() == 1) {
            return found.get(0);
        }
        Path absolute = folder.toAbsolutePath();
        throw new InvalidInputException("Turnpike: name the definition to serve with -Dturnpike.definition=<file>"
                + (found.isEmpty() ? " (there is none in " + absolute + ")"
                        : " (" + absolute + " has " + found.size() + ": " + names(found) + ")"));
    }

    private static List<Path> inFolder(Path folder) throws InvalidInputException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile)
                    .filter(DefinitionFiles::isDefinitionName)
                    .map(p -> p.toAbsolutePath().normalize())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new InvalidInputException("Turnpike: cannot list " + folder + ": " + e, e);
        }
    }

    private static boolean isDefinitionName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    private static String names(List<Path> files) {
        return String.join(", ", files.stream().map(p -> p.getFileName().toString()).toList());
    }
}
