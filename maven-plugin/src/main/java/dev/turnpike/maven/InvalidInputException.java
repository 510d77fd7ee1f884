package dev.turnpike.maven;

/**
 * Something the user gave the plugin cannot be used: a bad definition, a missing file, a bad configuration key,
 * a port in use. The message says what and where, complete, so the Mojo can pass it on unchanged as a
 * {@code MojoFailureException}; anything else that goes wrong is an internal fault.
 */
final class InvalidInputException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidInputException(String message) {
        super(message);
    }

    InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
