package dev.turnpike.runtime.websocket;

import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.integration.LambdaCalls;
import dev.turnpike.runtime.template.MappingTemplate;
import dev.turnpike.runtime.template.TemplateContext;
import dev.turnpike.runtime.template.TemplateException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Calls a route's integration: MOCK renders its request template for the status ({@code {"statusCode": 200}}) and
 * its integration response template for the answer; AWS_PROXY invokes the Lambda function with the WebSocket event
 * and takes {@code statusCode} and {@code body} from its result; HTTP_PROXY sends the message to the backend and
 * takes its status and body; HTTP sends the rendered request template (the message when there is none) and maps
 * the backend's body through the integration response's template (as it is when there is none).
 */
final class RouteIntegrations implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RouteIntegrations.class.getName());

    private final TurnpikeConfig config;
    private final LambdaCalls lambda;
    private final Map<String, MappingTemplate> requestTemplates = new HashMap<>();
    private final Map<String, MappingTemplate> responseTemplates = new HashMap<>();
    /** {@code null} when no route calls an HTTP backend: no client threads then. */
    private final HttpRoutes http;

    RouteIntegrations(WebSocketApi api, TurnpikeConfig config, ClassLoader loader) {
        this.config = config;
        for (WebSocketRoute route : api.routes().values()) {
            WebSocketIntegration integration = route.integration();
            parse(api, route, integration.requestTemplate(), "request", requestTemplates);
            parse(api, route, integration.responseTemplate(), "response", responseTemplates);
        }
        this.lambda = LambdaCalls.load(config, loader);
        boolean callsHttp = api.routes().values().stream().map(route -> route.integration().type())
                .anyMatch(type -> type == WebSocketIntegration.Type.HTTP
                        || type == WebSocketIntegration.Type.HTTP_PROXY);
        try {
            this.http = callsHttp ? new HttpRoutes(config) : null;
        } catch (RuntimeException e) {
            lambda.close();
            throw e;
        }
    }

    private static void parse(WebSocketApi api, WebSocketRoute route, String source, String kind,
            Map<String, MappingTemplate> into) {
        if (source == null) {
            return;
        }
        try {
            into.put(route.routeKey(), MappingTemplate.parse(source, api.source() + " route " + route.routeKey()
                    + " " + kind + " template"));
        } catch (TemplateException e) {
            // codegen parsed the same text already; only a hand-written WebSocketApi gets here
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The Lambda functions, for {@code $connect}'s authorizer. */
    dev.turnpike.runtime.integration.LambdaInvoker lambda() {
        return lambda.invoker();
    }

    /** Calls the route's integration; never completes exceptionally: a failure is a 500 answer. */
    CompletableFuture<RouteAnswer> call(RouteCall call, String body) {
        try {
            CompletableFuture<RouteAnswer> answer = switch (call.route().integration().type()) {
                case MOCK -> CompletableFuture.completedFuture(mock(call, body));
                case AWS_PROXY -> lambdaProxy(call, body);
                case HTTP_PROXY -> http.send(call.route().integration(), stageVariables(call), body);
                case HTTP -> httpMapped(call, body);
            };
            return answer.exceptionally(failure -> failed(call, failure));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failed(call, e));
        }
    }

    private static RouteAnswer failed(RouteCall call, Throwable failure) {
        LOG.log(System.Logger.Level.WARNING, () -> "WebSocket route " + call.route().routeKey() + " of "
                + call.connection() + " failed: " + failure);
        return new RouteAnswer(500, null);
    }

    private RouteAnswer mock(RouteCall call, String body) {
        String key = call.route().routeKey();
        TemplateContext context = context(call, body);
        int status = 200;
        MappingTemplate request = requestTemplates.get(key);
        if (request != null) {
            status = statusCode(render(request, context));
        }
        MappingTemplate response = responseTemplates.get(key);
        return new RouteAnswer(status, response == null ? null : render(response, context));
    }

    /** HTTP: the request template renders the body sent, the response template maps the backend's body. */
    private CompletableFuture<RouteAnswer> httpMapped(RouteCall call, String body) {
        String key = call.route().routeKey();
        MappingTemplate request = requestTemplates.get(key);
        String sent = request == null ? body : render(request, context(call, body));
        return http.send(call.route().integration(), stageVariables(call), sent).thenApply(answer -> {
            MappingTemplate response = responseTemplates.get(key);
            if (response == null) {
                return answer;
            }
            String mapped = render(response, context(call, answer.body()));
            return new RouteAnswer(answer.status(), mapped);
        });
    }

    private static String render(MappingTemplate template, TemplateContext context) {
        try {
            return template.render(context);
        } catch (TemplateException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** A MOCK request template's {@code statusCode}; 200 when it sets none. */
    private static int statusCode(String rendered) {
        JsonValue value;
        try (JsonReader reader = Json.createReader(new StringReader(rendered))) {
            value = reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalStateException("MOCK request template did not render JSON: " + rendered, e);
        }
        if (value instanceof JsonObject object && object.get("statusCode") instanceof JsonNumber number) {
            return number.intValue();
        }
        return 200;
    }

    private TemplateContext context(RouteCall call, String body) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("routeKey", call.route().routeKey());
        context.put("eventType", call.type().name());
        context.put("connectionId", call.connection().id());
        context.put("requestId", call.requestId());
        if (call.messageId() != null) {
            context.put("messageId", call.messageId());
        }
        context.put("stage", call.connection().stage());
        context.put("apiId", call.apiId());
        context.put("domainName", call.connection().domainName());
        context.put("connectedAt", call.connection().connectedAt().toEpochMilli());
        TemplateContext.Builder template = TemplateContext.builder().body(body == null ? "" : body).context(context)
                .stageVariables(stageVariables(call));
        if (call.type() == WebSocketEvent.Type.CONNECT) {
            // $input.params() of a $connect template sees the handshake's headers and query string
            Map<String, List<String>> headers = new LinkedHashMap<>();
            call.connection().headers().forEach((name, value) ->
                    headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value));
            template.headers(headers).queryParameters(call.connection().query());
        }
        return template.build();
    }

    private Map<String, String> stageVariables(RouteCall call) {
        return config.stages().get(call.connection().stage()).variables();
    }

    private CompletableFuture<RouteAnswer> lambdaProxy(RouteCall call, String body) {
        WebSocketIntegration integration = call.route().integration();
        JsonObject event = WebSocketEvent.of(call, body);
        return lambda.invoker().invoke(integration.uri(), stageVariables(call), config.region(),
                config.accountId(), event, integration.timeoutMillis()).thenApply(RouteIntegrations::proxyAnswer);
    }

    /** {@code {"statusCode": 200, "body": "..."}}; a result that is not an object is the body itself. */
    private static RouteAnswer proxyAnswer(JsonValue result) {
        if (result instanceof JsonObject object) {
            int status = object.get("statusCode") instanceof JsonNumber number ? number.intValue() : 200;
            JsonValue body = object.get("body");
            return new RouteAnswer(status, body instanceof JsonString text ? text.getString()
                    : body == null || body == JsonValue.NULL ? null : body.toString());
        }
        if (result == null || result == JsonValue.NULL) {
            return new RouteAnswer(200, null);
        }
        return new RouteAnswer(200, result instanceof JsonString text ? text.getString() : result.toString());
    }

    @Override
    public void close() {
        lambda.close();
        if (http != null) {
            http.close();
        }
    }
}
