package dev.turnpike.runtime.throttle;

import dev.turnpike.runtime.response.GatewayError;
import java.util.concurrent.CompletableFuture;

/**
 * One token bucket or quota counter, wherever it is kept: what {@link Admission} asks of each. Local limiters
 * answer with the shared, already completed {@link #TAKEN} or {@link #REFUSED}, so a decision in memory allocates
 * nothing; remote ones answer when the store does.
 */
abstract class Limiter {

    static final CompletableFuture<Boolean> TAKEN = CompletableFuture.completedFuture(Boolean.TRUE);
    static final CompletableFuture<Boolean> REFUSED = CompletableFuture.completedFuture(Boolean.FALSE);

    private final GatewayError refusal;
    private final CompletableFuture<GatewayError> refused;

    /** @param refusal what the client gets when this limiter has nothing left */
    Limiter(GatewayError refusal) {
        this.refusal = refusal;
        this.refused = CompletableFuture.completedFuture(refusal);
    }

    /** Takes one token (one request of a quota): completes {@code true} if there was one. */
    abstract CompletableFuture<Boolean> tryTake();

    /** Puts back the token taken for a request that another limiter refused. */
    abstract void giveBack();

    final GatewayError refusal() {
        return refusal;
    }

    /** {@link #refusal()}, already completed: shared, so callers must not obtrude another value. */
    final CompletableFuture<GatewayError> refused() {
        return refused;
    }

    /** A bucket that never holds a token: AWS's rate or burst of 0. */
    static Limiter refusingAll(GatewayError refusal) {
        return new Limiter(refusal) {
            @Override
            CompletableFuture<Boolean> tryTake() {
                return REFUSED;
            }

            @Override
            void giveBack() {
                // nothing was taken
            }
        };
    }
}
