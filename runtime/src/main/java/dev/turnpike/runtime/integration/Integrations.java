package dev.turnpike.runtime.integration;

import dev.turnpike.runtime.model.ConnectionType;
import dev.turnpike.runtime.model.Integration;
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
    private final IntegrationHandler unserved = new UnservedIntegration();

    /** @param backendClient the one HTTP client for every HTTP backend of this gateway */
    public Integrations(HttpClient backendClient) {
        for (IntegrationType type : IntegrationType.values()) {
            handlers.put(type, unserved);
        }
        handlers.put(IntegrationType.MOCK, new MockIntegration());
        handlers.put(IntegrationType.HTTP_PROXY, new HttpProxyIntegration(backendClient));
    }

    public CompletableFuture<Outcome> invoke(Exchange exchange) {
        Integration integration = exchange.operation().integration();
        IntegrationHandler handler = serves(integration.type(), integration.connectionType())
                ? handlers.get(integration.type()) : unserved;
        return handler.invoke(exchange);
    }

    /**
     * Whether this version serves an integration of this type and connection (the others answer 500, as
     * documented): a VPC link's backend is not the host its uri names, so it is not guessed at.
     */
    public static boolean serves(IntegrationType type, ConnectionType connection) {
        return (type == IntegrationType.MOCK || type == IntegrationType.HTTP_PROXY)
                && connection == ConnectionType.INTERNET;
    }
}
