package dev.turnpike.management;

import dev.turnpike.runtime.admin.GatewayAdmin;
import dev.turnpike.runtime.admin.LiveStage;
import dev.turnpike.runtime.auth.ApiKeys;
import dev.turnpike.runtime.config.CanarySettings;
import dev.turnpike.runtime.config.MethodSettings;
import dev.turnpike.runtime.config.StageSettings;
import dev.turnpike.runtime.integration.ContextVariables;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.throttle.UsagePlan;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;

/**
 * API Gateway's own response shapes ({@code RestApi}, {@code Stage}, {@code Deployment}, the {@code item} lists),
 * field for field as the management API's REST-JSON protocol names them, so AWS's SDKs read them unchanged. Dates
 * are epoch seconds, as that protocol writes timestamps.
 */
final class Shapes {

    private Shapes() {
    }

    /** {@code {"item": [...]}}, the shape of every {@code Get*s} answer. */
    static <T> String items(Collection<T> values, Function<T, JsonObjectBuilder> shape) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        values.forEach(v -> items.add(shape.apply(v)));
        return Json.createObjectBuilder().add("item", items).build().toString();
    }

    static JsonObjectBuilder restApi(GatewayAdmin admin) {
        var api = admin.api();
        return Json.createObjectBuilder()
                .add("id", admin.identity().apiId())
                .add("name", api.title())
                .add("description", "Served by Turnpike from " + api.source())
                .add("createdDate", seconds(admin.createdMillis()))
                .add("apiKeySource", api.apiKeySource())
                .add("endpointConfiguration", Json.createObjectBuilder()
                        .add("types", Json.createArrayBuilder().add(api.endpointType())))
                .add("disableExecuteApiEndpoint", false);
    }

    static JsonObjectBuilder deployment(GatewayAdmin.Deployment deployment) {
        return Json.createObjectBuilder()
                .add("id", deployment.id())
                .add("description", deployment.api().title() + " (" + deployment.api().source() + ")")
                .add("createdDate", seconds(deployment.createdMillis()));
    }

    static JsonObjectBuilder apiKey(ApiKeys.ApiKey key, boolean withValue, long createdMillis) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", key.id())
                .add("name", key.name())
                .add("enabled", key.enabled())
                .add("createdDate", seconds(createdMillis))
                .add("lastUpdatedDate", seconds(createdMillis))
                .add("stageKeys", Json.createArrayBuilder());
        if (withValue) {
            json.add("value", key.value());
        }
        return json;
    }

    static JsonObjectBuilder usagePlanKey(ApiKeys.ApiKey key) {
        return Json.createObjectBuilder()
                .add("id", key.id())
                .add("type", "API_KEY")
                .add("value", key.value())
                .add("name", key.name());
    }

    static JsonObjectBuilder usagePlan(String id, UsagePlan plan, String apiId) {
        JsonArrayBuilder stages = Json.createArrayBuilder();
        plan.apiStages().forEach(stage -> stages.add(Json.createObjectBuilder().add("apiId", apiId).add("stage", stage)));
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", id)
                .add("name", plan.name())
                .add("apiStages", stages);
        if (plan.throttle() != null) {
            json.add("throttle", Json.createObjectBuilder()
                    .add("burstLimit", plan.throttle().burstLimit())
                    .add("rateLimit", plan.throttle().rateLimit()));
        }
        if (plan.quota() != null) {
            json.add("quota", Json.createObjectBuilder()
                    .add("limit", plan.quota().limit())
                    .add("offset", plan.quota().offset())
                    .add("period", plan.quota().period().name()));
        }
        return json;
    }

    /** {@code Usage}: {@code items} (on the wire {@code values}) maps each key id to {@code [[used, remaining]]}. */
    static JsonObjectBuilder usage(String usagePlanId, String startDate, String endDate, Map<String, long[]> byKey) {
        JsonObjectBuilder items = Json.createObjectBuilder();
        byKey.forEach((keyId, counts) -> items.add(keyId, Json.createArrayBuilder()
                .add(Json.createArrayBuilder().add(counts[0]).add(counts[1]))));
        return Json.createObjectBuilder()
                .add("usagePlanId", usagePlanId)
                .add("startDate", startDate)
                .add("endDate", endDate)
                .add("values", items);
    }

    /** {@code {"item": [Resource...]}}: the resource tree, root first, parents before children. */
    static String resources(java.util.List<Operation> operations) {
        Map<String, Map<String, Operation>> byPath = new java.util.TreeMap<>();
        byPath.put("/", new java.util.TreeMap<>());
        for (Operation op : operations) {
            String path = op.resourcePath();
            for (int slash = path.indexOf('/', 1); slash > 0; slash = path.indexOf('/', slash + 1)) {
                byPath.computeIfAbsent(path.substring(0, slash), p -> new java.util.TreeMap<>());
            }
            byPath.computeIfAbsent(path, p -> new java.util.TreeMap<>()).put(op.httpMethod(), op);
        }
        JsonArrayBuilder items = Json.createArrayBuilder();
        byPath.forEach((path, methods) -> {
            JsonObjectBuilder resource = Json.createObjectBuilder()
                    .add("id", ContextVariables.resourceId(path))
                    .add("path", path);
            if (!path.equals("/")) {
                int last = path.lastIndexOf('/');
                resource.add("parentId", ContextVariables.resourceId(last == 0 ? "/" : path.substring(0, last)))
                        .add("pathPart", path.substring(last + 1));
            }
            if (!methods.isEmpty()) {
                JsonObjectBuilder resourceMethods = Json.createObjectBuilder();
                methods.forEach((method, op) -> resourceMethods.add(method, Json.createObjectBuilder()
                        .add("httpMethod", method)
                        .add("authorizationType", op.authorizationType() == null ? "NONE" : op.authorizationType())
                        .add("apiKeyRequired", op.apiKeyRequired())));
                resource.add("resourceMethods", resourceMethods);
            }
            items.add(resource);
        });
        return Json.createObjectBuilder().add("item", items).build().toString();
    }

    static JsonObjectBuilder stage(LiveStage stage, boolean cacheClusterEnabled, String cacheClusterSize) {
        StageSettings settings = stage.settings();
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("deploymentId", stage.deploymentId())
                .add("stageName", stage.name())
                .add("cacheClusterEnabled", cacheClusterEnabled)
                .add("cacheClusterStatus", cacheClusterEnabled ? "AVAILABLE" : "NOT_AVAILABLE")
                .add("methodSettings", methodSettings(settings.methodSettings()))
                .add("variables", strings(settings.variables()))
                .add("tracingEnabled", false)
                .add("createdDate", seconds(stage.createdMillis()))
                .add("lastUpdatedDate", seconds(stage.lastUpdatedMillis()));
        if (cacheClusterSize != null) {
            json.add("cacheClusterSize", cacheClusterSize);
        }
        CanarySettings canary = settings.canary();
        if (canary != null) {
            json.add("canarySettings", Json.createObjectBuilder()
                    .add("percentTraffic", canary.percentTraffic())
                    .add("deploymentId", canary.deploymentId() != null ? canary.deploymentId() : stage.deploymentId())
                    .add("stageVariableOverrides", strings(canary.stageVariableOverrides()))
                    .add("useStageCache", canary.useStageCache()));
        }
        return json;
    }

    /** Keyed as AWS keys them: {@code * / *} (without spaces), or {@code ~1pets~1{id}/GET} for {@code /pets/{id}}. */
    private static JsonObjectBuilder methodSettings(Map<String, MethodSettings> byKey) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        byKey.forEach((key, s) -> json.add(methodSettingKey(key), methodSetting(s)));
        return json;
    }

    static String methodSettingKey(String key) {
        if (key.equals(StageSettings.ALL_METHODS)) {
            return key;
        }
        int slash = key.lastIndexOf('/');
        return key.substring(0, slash).replace("~", "~0").replace("/", "~1") + key.substring(slash);
    }

    private static JsonObjectBuilder methodSetting(MethodSettings s) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        // AWS answers every field, its defaults where not set.
        json.add("metricsEnabled", s.metricsEnabled() != null && s.metricsEnabled());
        json.add("loggingLevel", s.loggingLevel() != null ? s.loggingLevel() : "OFF");
        json.add("dataTraceEnabled", s.dataTraceEnabled() != null && s.dataTraceEnabled());
        json.add("throttlingBurstLimit", s.throttlingBurstLimit() != null ? s.throttlingBurstLimit() : 5000);
        json.add("throttlingRateLimit", s.throttlingRateLimit() != null ? s.throttlingRateLimit() : 10000.0);
        json.add("cachingEnabled", s.cachingEnabled() != null && s.cachingEnabled());
        json.add("cacheTtlInSeconds", s.cacheTtlInSeconds() != null ? s.cacheTtlInSeconds() : 300);
        json.add("cacheDataEncrypted", s.cacheDataEncrypted() != null && s.cacheDataEncrypted());
        json.add("requireAuthorizationForCacheControl", s.requireAuthorizationForCacheControl() == null
                || s.requireAuthorizationForCacheControl());
        json.add("unauthorizedCacheControlHeaderStrategy", s.unauthorizedCacheControlHeaderStrategy() != null
                ? s.unauthorizedCacheControlHeaderStrategy() : "SUCCEED_WITH_RESPONSE_HEADER");
        return json;
    }

    private static JsonObjectBuilder strings(Map<String, String> map) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        map.forEach(json::add);
        return json;
    }

    private static BigDecimal seconds(long millis) {
        return BigDecimal.valueOf(millis, 3);
    }
}
