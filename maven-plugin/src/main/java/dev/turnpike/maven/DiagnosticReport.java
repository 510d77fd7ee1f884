package dev.turnpike.maven;

import dev.turnpike.codegen.Diagnostic;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/** Diagnostics as a build shows them: each logged on its own line, and the errors gathered into one failure. */
final class DiagnosticReport {

    private DiagnosticReport() {
    }

    /**
     * Logs every diagnostic in the one format of the build, a link IDEs and terminals follow:
     * {@code path/to/api.yaml:LINE:COL: error: #/json/pointer: reason}.
     */
    static void log(Log log, List<Diagnostic> diagnostics) {
        for (Diagnostic diagnostic : diagnostics) {
            if (diagnostic.isError()) {
                log.error(diagnostic.located());
            } else {
                log.warn(diagnostic.located());
            }
        }
    }

    /** Every error of {@code diagnostics}, one per line, under a line that counts them. */
    static String failureMessage(List<Diagnostic> diagnostics) {
        List<Diagnostic> errors = diagnostics.stream().filter(Diagnostic::isError).toList();
        StringBuilder message = new StringBuilder("Turnpike: ")
                .append(errors.size()).append(errors.size() == 1 ? " error" : " errors")
                .append(" in OpenAPI definitions:");
        for (Diagnostic error : errors) {
            message.append("\n  ").append(error.located());
        }
        return message.toString();
    }
}
