package dev.turnpike.it;

import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.model.IntegrationResponse;
import dev.turnpike.runtime.model.IntegrationType;
import dev.turnpike.runtime.model.MethodValidation;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.routing.RouteNode;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The API a conformance case was recorded on, written the way the generator writes one: one method. */
final class CaseApi implements GeneratedApi {

    private final ConformanceCase c;
    private final Operation operation;
    private final RouteNode routes;

    CaseApi(ConformanceCase c, int index, int backendPort) {
        this.c = c;
        String backend = "http://127.0.0.1:" + backendPort;
        String method = c.phase().equals("gateway-response") && c.setup().containsKey("resources")
                ? c.setup().getJsonObject("resources").values().iterator().next().asJsonArray().getString(0)
                : c.method();
        Operation.Builder op = Operation.on(method, c.resource());
        for (String segment : c.resource().split("/")) {
            if (segment.startsWith("{")) {
                op.requestParameter("method.request.path." + segment.replaceAll("[{}+]", ""), true);
            }
        }
        if (c.setup().containsKey("requestParameters")) {
            c.setup().getJsonObject("requestParameters").forEach((name, required) ->
                    op.requestParameter(name, required.equals(jakarta.json.JsonValue.TRUE)));
        }
        String requestType = c.contentType() == null ? "application/json"
                : c.contentType().split(";")[0].trim().toLowerCase(Locale.ROOT);
        Integration integration = switch (c.phase()) {
            case "request" -> Integration.of(IntegrationType.HTTP).httpMethod("POST").uri(backend + "/echo")
                    .requestTemplate(requestType, c.template())
                    .response(IntegrationResponse.selecting("default", "200").build())
                    .build();
            case "response" -> Integration.of(IntegrationType.HTTP).httpMethod("POST")
                    .uri(backend + "/recorded/" + index)
                    .response(IntegrationResponse.selecting("default", "200")
                            .responseTemplate("application/json", c.template()).build())
                    .build();
            case "echo-pipeline" -> Integration.of(IntegrationType.HTTP).httpMethod("POST").uri(backend + "/echo")
                    .requestTemplate(requestType, c.template())
                    .response(IntegrationResponse.selecting("default", "200")
                            .responseTemplate("application/json", c.responseTemplate()).build())
                    .build();
            case "mock-pipeline" -> mock(c);
            default -> Integration.of(IntegrationType.MOCK)
                    .requestTemplate("application/json", "{\"statusCode\": 200}")
                    .response(IntegrationResponse.selecting("default", "200").build())
                    .build();
        };
        operation = op.integration(integration).build();
        routes = tree(c.resource(), operation);
    }

    private static Integration mock(ConformanceCase c) {
        IntegrationResponse.Builder response;
        if (c.setup().containsKey("integrationResponse")) {
            JsonObject recorded = c.setup().getJsonObject("integrationResponse");
            response = IntegrationResponse.selecting(recorded.getString("selectionPattern", "default"),
                    recorded.getString("statusCode"));
        } else {
            response = IntegrationResponse.selecting("default", "200");
        }
        if (c.responseTemplate() != null) {
            response.responseTemplate("application/json", c.responseTemplate());
        }
        return Integration.of(IntegrationType.MOCK).requestTemplate("application/json", c.template())
                .response(response.build()).build();
    }

    /** The resource tree from {@code /} down to {@code resource}, which has the one method. */
    private static RouteNode tree(String resource, Operation operation) {
        String[] segments = resource.substring(1).isEmpty() ? new String[0] : resource.substring(1).split("/");
        return node(segments, 0, operation);
    }

    private static RouteNode node(String[] segments, int depth, Operation operation) {
        String path = depth == 0 ? "/" : "/" + String.join("/", java.util.Arrays.copyOf(segments, depth));
        RouteNode.Builder node = RouteNode.resource(path);
        if (depth == segments.length) {
            return node.method(operation).build();
        }
        String segment = segments[depth];
        RouteNode child = node(segments, depth + 1, operation);
        if (segment.startsWith("{") && segment.endsWith("+}")) {
            node.greedy(segment.substring(1, segment.length() - 2), child);
        } else if (segment.startsWith("{")) {
            node.param(segment.substring(1, segment.length() - 1), child);
        } else {
            node.literal(segment, child);
        }
        return node.build();
    }

    @Override
    public String name() {
        return "conformance";
    }

    @Override
    public String title() {
        return c.id();
    }

    @Override
    public String deploymentId() {
        return "dep123";
    }

    @Override
    public String source() {
        return "cases.json#" + c.id();
    }

    @Override
    public RouteNode routes() {
        return routes;
    }

    @Override
    public List<Operation> operations() {
        return List.of(operation);
    }

    /** The setup's {@code requestValidator} and {@code requestModels}, as the generator writes them. */
    @Override
    public Map<Operation, MethodValidation> requestValidation() {
        if (!c.setup().containsKey("requestValidator")) {
            return Map.of();
        }
        JsonObject validator = c.setup().getJsonObject("requestValidator");
        Map<String, String> requestModels = new LinkedHashMap<>();
        if (c.setup().containsKey("requestModels")) {
            c.setup().getJsonObject("requestModels").forEach((type, model) ->
                    requestModels.put(type, modelName(((jakarta.json.JsonString) model).getString())));
        }
        return Map.of(operation, new MethodValidation("validator",
                validator.getBoolean("validateRequestParameters", false),
                validator.getBoolean("validateRequestBody", false), requestModels));
    }

    /**
     * The setup's models, which the case file describes in words: {@code testSchema {type: object, properties a,b:
     * number, required [a,b]}} is LocalStack's test schema.
     */
    @Override
    public Map<String, String> models() {
        if (!c.setup().containsKey("requestModels")) {
            return Map.of();
        }
        Map<String, String> models = new LinkedHashMap<>();
        c.setup().getJsonObject("requestModels").values().forEach(model -> {
            String description = ((jakarta.json.JsonString) model).getString();
            if (description.startsWith("testSchema {type: object, properties a,b: number, required [a,b]}")) {
                models.put(modelName(description), "{\"$schema\": \"http://json-schema.org/draft-04/schema#\","
                        + " \"type\": \"object\", \"properties\": {\"a\": {\"type\": \"number\"},"
                        + " \"b\": {\"type\": \"number\"}}, \"required\": [\"a\", \"b\"]}");
            } else {
                throw new IllegalArgumentException("case " + c.id() + ": unknown model description " + description);
            }
        });
        return models;
    }

    private static String modelName(String description) {
        return description.split(" ", 2)[0];
    }
}
