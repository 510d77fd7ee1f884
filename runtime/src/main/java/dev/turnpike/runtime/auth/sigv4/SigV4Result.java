package dev.turnpike.runtime.auth.sigv4;

import java.util.Objects;

/** What {@link SigV4Verifier#verify} found: the verified identity, or why AWS would refuse the request. */
public sealed interface SigV4Result permits SigV4Result.Verified, SigV4Failure {

    /** The signature is valid: the request comes from {@code principal}. */
    record Verified(IamPrincipal principal) implements SigV4Result {
        public Verified {
            Objects.requireNonNull(principal, "principal");
        }
    }
}
