package dev.turnpike.runtime.observability;

import dev.turnpike.runtime.config.MethodSettings;
import dev.turnpike.runtime.config.StageSettings;
import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.pipeline.Exchange;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Every request counted in AWS's dimension sets: {@code ApiName}; {@code ApiName, Stage}; and, for methods whose
 * stage settings have {@code metricsEnabled}, {@code ApiName, Method, Resource, Stage}. All meters are registered at
 * start; a request finds its own with two map reads.
 */
final class GatewayMetrics {

    static final String API_NAME = "ApiName";
    static final String STAGE = "Stage";
    static final String METHOD = "Method";
    static final String RESOURCE = "Resource";

    private final RequestMeters api;
    private final Map<String, StageMeters> stages = new HashMap<>();

    private record StageMeters(RequestMeters stage, Map<Operation, RequestMeters> methods) {
    }

    GatewayMetrics(MeterRegistry registry, GeneratedApi generated, Collection<StageSettings> stageSettings) {
        String apiName = apiName(generated);
        Tags apiTags = Tags.of(API_NAME, apiName);
        this.api = RequestMeters.register(registry, apiTags);
        for (StageSettings stage : stageSettings) {
            Tags stageTags = apiTags.and(STAGE, stage.name());
            Map<Operation, RequestMeters> methods = new IdentityHashMap<>();
            for (Operation op : generated.operations()) {
                MethodSettings settings = stage.settingsFor(op.resourcePath(), op.httpMethod());
                if (Boolean.TRUE.equals(settings.metricsEnabled())) {
                    methods.put(op, RequestMeters.register(registry,
                            stageTags.and(METHOD, op.httpMethod()).and(RESOURCE, op.resourcePath())));
                }
            }
            stages.put(stage.name(), new StageMeters(RequestMeters.register(registry, stageTags), methods));
        }
    }

    /**
     * AWS's {@code ApiName}: the API's name ({@code info.title} on import), without the non-ASCII characters AWS
     * leaves out of the dimension.
     */
    static String apiName(GeneratedApi api) {
        String title = api.title() == null || api.title().isBlank() ? api.name() : api.title();
        String ascii = title.replaceAll("[^\\x20-\\x7E]", "");
        return ascii.isBlank() ? api.name() : ascii;
    }

    void record(RequestEnd end) {
        api.record(end);
        Exchange exchange = end.exchange();
        if (exchange.stage() == null) {
            return; // no stage: AWS has no stage to count it under either
        }
        StageMeters stage = stages.get(exchange.stage().name());
        if (stage == null) {
            return;
        }
        stage.stage().record(end);
        Operation op = exchange.operation();
        if (op != null && !stage.methods().isEmpty()) {
            RequestMeters method = stage.methods().get(op);
            if (method != null) {
                method.record(end);
            }
        }
    }
}
