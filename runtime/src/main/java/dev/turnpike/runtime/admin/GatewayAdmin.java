package dev.turnpike.runtime.admin;

import dev.turnpike.runtime.cache.StageCaches;
import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.pipeline.ApiIdentity;
import java.util.List;
import java.util.Map;

/**
 * What the management API may read and change of a running gateway, and nothing more: the API's identity, its
 * deployments, the live stages, and the stage caches to flush.
 */
public final class GatewayAdmin {

    /** One deployment served: a generated API, and when this gateway started serving it. */
    public record Deployment(String id, GeneratedApi api, long createdMillis) {
    }

    private final ApiIdentity identity;
    private final GeneratedApi api;
    private final long createdMillis;
    private final Map<String, Deployment> deployments;
    private final StageRegistry stages;
    private final StageCaches stageCaches;
    private final UsagePlanRegistry usagePlans;

    public GatewayAdmin(ApiIdentity identity, GeneratedApi api, long createdMillis, List<Deployment> deployments,
            StageRegistry stages, StageCaches stageCaches, UsagePlanRegistry usagePlans) {
        this.usagePlans = usagePlans;
        this.identity = identity;
        this.api = api;
        this.createdMillis = createdMillis;
        Map<String, Deployment> byId = new java.util.LinkedHashMap<>();
        deployments.forEach(d -> byId.put(d.id(), d));
        this.deployments = java.util.Collections.unmodifiableMap(byId);
        this.stages = stages;
        this.stageCaches = stageCaches;
    }

    /** The REST API's id, account and region. */
    public ApiIdentity identity() {
        return identity;
    }

    /** The API as the WAR's main definition describes it (name, title, endpoint type, API key source). */
    public GeneratedApi api() {
        return api;
    }

    /** When this gateway started: the REST API's {@code createdDate}. */
    public long createdMillis() {
        return createdMillis;
    }

    /** The deployments served, by id, in the order found. */
    public Map<String, Deployment> deployments() {
        return deployments;
    }

    public StageRegistry stages() {
        return stages;
    }

    /** API keys and usage plans, live, and adding to them. */
    public UsagePlanRegistry usagePlans() {
        return usagePlans;
    }

    /** Whether the stage has a cache ({@code turnpike.stage.<s>.cacheClusterEnabled}). */
    public boolean hasStageCache(String stage) {
        return stageCaches.stage(stage) != null;
    }

    /** Empties the stage's cache; {@code false} when the stage has no cache. */
    public boolean flushStageCache(String stage) {
        var cache = stageCaches.stage(stage);
        if (cache == null) {
            return false;
        }
        cache.flush();
        return true;
    }
}
