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
 */
public record Diagnostic(Severity severity, Path file, String pointer, String message) {

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

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code petstore.yaml #/paths/~1pets/get/x-amazon-apigateway-integration/uri: message}. */
    @Override
    public String toString() {
        String location = file.getFileName() + (pointer.isEmpty() ? "" : " #" + pointer);
        return location + ": " + message;
    }
}
