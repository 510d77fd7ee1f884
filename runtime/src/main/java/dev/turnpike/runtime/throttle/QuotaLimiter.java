package dev.turnpike.runtime.throttle;

import dev.turnpike.runtime.response.GatewayError;
import java.util.concurrent.CompletableFuture;

/** A usage plan quota for one API key: a {@link Limiter} whose count is also asked for by itself. */
abstract class QuotaLimiter extends Limiter {

    QuotaLimiter(GatewayError refusal) {
        super(refusal);
    }

    /** Requests left in the current period. */
    abstract CompletableFuture<Long> remaining();
}
