package dev.turnpike.runtime.integration;

import dev.turnpike.runtime.model.IntegrationType;
import dev.turnpike.runtime.pipeline.Exchange;
import dev.turnpike.runtime.pipeline.Outcome;
import java.net.http.HttpClient;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Sends each request to the handler for its integration type. */
public final class Integrations {

    private final Map<IntegrationType, IntegrationHandler> handlers = new EnumMap<>(IntegrationType.class);

    /** @param backendClient the one HTTP client for every HTTP backend of this gateway */
    public Integrations(HttpClient backendClient) {
        IntegrationHandler unserved = new UnservedIntegration();
        for (IntegrationType type : IntegrationType.values()) {
            handlers.put(type, unserved);
        }
        handlers.put(IntegrationType.MOCK, new MockIntegration());
        handlers.put(IntegrationType.HTTP_PROXY, new HttpProxyIntegration(backendClient));
    }

    public CompletableFuture<Outcome> invoke(Exchange exchange) {
        return handlers.get(exchange.operation().integration().type()).invoke(exchange);
    }

    /** Whether this version serves the integration type (others answer 500, as documented). */
    public static boolean serves(IntegrationType type) {
        return type == IntegrationType.MOCK || type == IntegrationType.HTTP_PROXY;
    }
}
