package dev.turnpike.runtime.integration;

import dev.turnpike.runtime.pipeline.Exchange;
import dev.turnpike.runtime.pipeline.Outcome;
import dev.turnpike.runtime.response.GatewayError;
import dev.turnpike.runtime.response.GatewayResponseType;
import java.util.concurrent.CompletableFuture;

/**
 * An integration type this version does not serve yet (the build warned about it): answers as AWS does for a
 * configuration it cannot execute, 500 {@code Internal server error}, and says why in the gateway's log.
 */
final class UnservedIntegration implements IntegrationHandler {

    @Override
    public CompletableFuture<Outcome> invoke(Exchange exchange) {
        return CompletableFuture.completedFuture(Outcome.of(GatewayError.of(GatewayResponseType.API_CONFIGURATION_ERROR,
                "integration " + exchange.operation().integration().type() + " over "
                        + exchange.operation().integration().connectionType() + " is not served by this version")));
    }
}
