package dev.turnpike.runtime.integration;

import dev.turnpike.runtime.pipeline.Exchange;
import dev.turnpike.runtime.pipeline.Outcome;
import java.util.concurrent.CompletableFuture;

/** Sends a matched request to its backend. Asynchronous: no container thread waits on a backend. */
public interface IntegrationHandler {

    /** Never completes exceptionally for a backend's failure: that is an {@link Outcome} with a gateway error. */
    CompletableFuture<Outcome> invoke(Exchange exchange);
}
