package dev.turnpike.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * The record of the last successful {@code generate}: the digest of its inputs and the files it left in the
 * output folders. One small text file, removed before a run and written again only when the run succeeds.
 */
final class GenerationState {

    private static final String DIGEST = "digest=";
    private static final String OUTPUT = "output=";

    private final Path file;

    GenerationState(Path file) {
        this.file = file;
    }

    /** Whether the last successful run had this digest and every file it produced is still there. */
    boolean isCurrent(String digest) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (!lines.contains(DIGEST + digest)) {
            return false;
        }
        List<Path> outputs = lines.stream().filter(l -> l.startsWith(OUTPUT))
                .map(l -> Path.of(l.substring(OUTPUT.length()))).toList();
        return !outputs.isEmpty() && outputs.stream().allMatch(Files::isRegularFile);
    }

    /** Forgets the last run, so a run that fails half way is never taken for a current one. */
    void clear() throws IOException {
        Files.deleteIfExists(file);
    }

    /** Records a successful run: its digest and every file now in {@code outputFolders}. */
    void record(String digest, List<Path> outputFolders) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# turnpike:generate, last successful run; delete to force generation");
        lines.add(DIGEST + digest);
        for (Path folder : outputFolders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(folder)) {
                files.filter(Files::isRegularFile).map(p -> OUTPUT + p.toAbsolutePath()).sorted()
                        .forEach(lines::add);
            }
        }
        Files.createDirectories(file.getParent());
        Path written = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(written, lines, StandardCharsets.UTF_8);
        Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
