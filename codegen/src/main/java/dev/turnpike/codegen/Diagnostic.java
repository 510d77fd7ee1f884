package dev.turnpike.codegen;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One problem found in a definition: where it is and why it is a problem.
 *
 * @param file the definition file
 * @param pointer an RFC 6901 JSON pointer into the definition ({@code /paths/~1pets/get}); empty for the whole
 *     document
 * @param message the reason, a complete sentence without the location
 * @param line the 1-based line of what the pointer names in the file as written; 0 when unknown
 * @param column the 1-based column there; 0 when unknown
 */
public record Diagnostic(Severity severity, Path file, String pointer, String message, int line, int column) {

    public enum Severity {
        /** The definition cannot be generated (API Gateway would refuse it, or Turnpike cannot honour it). */
        ERROR,
        /** Generated anyway: legitimate, but ignored or not served yet. */
        WARNING
    }

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
    }

    /** A diagnostic whose place in the file is not known (yet). */
    public Diagnostic(Severity severity, Path file, String pointer, String message) {
        this(severity, file, pointer, message, 0, 0);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * As a build prints it, a link IDEs and terminals follow:
     * {@code /src/main/openapi/petstore.yaml:12:9: error: #/paths/~1pets/get/...: message}.
     */
    public String located() {
        String place = file + (line > 0 ? ":" + line + ":" + column : "");
        return place + ": " + (isError() ? "error" : "warning") + ": #" + pointer + ": " + message;
    }

    /** {@code petstore.yaml #/paths/~1pets/get/x-amazon-apigateway-integration/uri: message}. */
    @Override
    public String toString() {
        String location = file.getFileName() + (pointer.isEmpty() ? "" : " #" + pointer);
        return location + ": " + message;
    }
}
