package dev.turnpike.runtime.auth.sigv4;

/**
 * Carries a {@link SigV4Failure} from deep in parsing or checking back to {@link SigV4Verifier#verify}, which
 * returns it as a value. Never leaves this package, so it needs no stack trace.
 */
final class SigV4Rejection extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient SigV4Failure failure;

    SigV4Rejection(SigV4Failure failure) {
        super(failure.message(), null, false, false);
        this.failure = failure;
    }

    SigV4Failure failure() {
        return failure;
    }
}
