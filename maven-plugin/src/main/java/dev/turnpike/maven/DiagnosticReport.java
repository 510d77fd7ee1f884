package dev.turnpike.maven;

import dev.turnpike.codegen.Diagnostic;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/** Diagnostics as a build shows them: each logged on its own line, and the errors gathered into one failure. */
final class DiagnosticReport {

    private DiagnosticReport() {
    }

    /** Logs every diagnostic in the one format of the build, {@code file #pointer: reason}. */
    static void log(Log log, List<Diagnostic> diagnostics) {
        for (Diagnostic diagnostic : diagnostics) {
            if (diagnostic.isError()) {
                log.error(diagnostic.toString());
            } else {
                log.warn(diagnostic.toString());
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
            message.append("\n  ").append(error);
        }
        return message.toString();
    }
}
