package dev.turnpike.management;

import dev.turnpike.runtime.admin.GatewayAdmin;
import dev.turnpike.runtime.admin.LiveStage;
import dev.turnpike.runtime.config.CanarySettings;
import dev.turnpike.runtime.config.MethodSettings;
import dev.turnpike.runtime.config.StageSettings;
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
