package dev.turnpike.codegen.check;

import dev.turnpike.codegen.Diagnostic.Severity;
import dev.turnpike.codegen.Diagnostic;
import dev.turnpike.codegen.model.JsonPointer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one definition. Readers and checks report here and carry on, so one run reports
 * every problem, not the first one only.
 */
public final class Diagnostics {

    private final Path file;
    private final List<Diagnostic> found = new ArrayList<>();

    public Diagnostics(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public void error(JsonPointer pointer, String message) {
        found.add(new Diagnostic(Severity.ERROR, file, pointer.value(), message));
    }

    public void warning(JsonPointer pointer, String message) {
        found.add(new Diagnostic(Severity.WARNING, file, pointer.value(), message));
    }

    public boolean hasErrors() {
        return found.stream().anyMatch(Diagnostic::isError);
    }

    /** Every problem found, each with its line and column in the file where they can be found. */
    public List<Diagnostic> all() {
        if (found.isEmpty()) {
            return List.of();
        }
        SourcePositions positions = SourcePositions.of(file);
        List<Diagnostic> located = new ArrayList<>(found.size());
        for (Diagnostic d : found) {
            SourcePositions.Position at = positions.of(d.pointer());
            located.add(new Diagnostic(d.severity(), d.file(), d.pointer(), d.message(), at.line(), at.column()));
        }
        return List.copyOf(located);
    }
}
