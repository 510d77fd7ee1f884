package dev.turnpike.runtime.pipeline;

import dev.turnpike.runtime.auth.ApiKeys;
import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.integration.BackendClients;
import dev.turnpike.runtime.integration.Integrations;
import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.response.GatewayResponses;
import dev.turnpike.runtime.routing.Router;
import java.util.function.Supplier;

/**
 * The steps of the pipeline that depend on one deployment (one generated API): its routes, authorizers and
 * resource policy, models, integrations and customised gateway responses. Stages, throttling, caches and metrics
 * are the gateway's and shared by every deployment it serves.
 */
final class ServedDeployment implements AutoCloseable {

    final GeneratedApi api;
    final ApiIdentity identity;
    final RouteSelection routeSelection;
    final GatewayResponses gatewayResponses;
    final RequestValidation requestValidation;
    final Integrations integrations;
    final Authorization authorization;

    private ServedDeployment(GeneratedApi api, ApiIdentity identity, Integrations integrations,
            Authorization authorization) {
        this.api = api;
        this.identity = identity;
        this.routeSelection = new RouteSelection(new Router(api.routes()));
        this.gatewayResponses = GatewayResponses.of(api.gatewayResponses(), api.source());
        this.requestValidation = new RequestValidation(api);
        this.integrations = integrations;
        this.authorization = authorization;
    }

    /** The deployment of {@code api} as {@code apiId}; its integrations' threads end with {@link #close}. */
    static ServedDeployment create(GeneratedApi api, String apiId, TurnpikeConfig config,
            BackendClients backendClients, Supplier<ApiKeys> apiKeys) {
        ApiIdentity identity = new ApiIdentity(apiId, config.accountId(), config.region(), api.deploymentId());
        Integrations integrations = new Integrations(api, config, backendClients);
        try {
            return new ServedDeployment(api, identity, integrations,
                    new Authorization(api, config, apiKeys, integrations.lambda()));
        } catch (RuntimeException e) {
            integrations.close(); // in-process functions have threads of their own
            throw e;
        }
    }

    @Override
    public void close() {
        integrations.close();
    }
}
