package dev.turnpike.codegen.websocket;

import dev.turnpike.codegen.check.Diagnostics;
import dev.turnpike.codegen.model.JsonPointer;
import dev.turnpike.runtime.template.MappingTemplate;
import dev.turnpike.runtime.template.TemplateException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads a WebSocket definition: an OpenAPI-style file (YAML or JSON) whose root has
 * {@code x-amazon-apigateway-websocket-api}. AWS imports no WebSocket API from OpenAPI, so the fields inside are
 * those of {@code AWS::ApiGatewayV2::Api}, {@code ::Route}, {@code ::Integration} and
 * {@code ::IntegrationResponse} (see docs/websocket.md). Every problem is a diagnostic with its JSON pointer.
 */
public final class WebSocketDefinitionReader {

    /** The root extension that makes a definition a WebSocket API. */
    public static final String EXTENSION = "x-amazon-apigateway-websocket-api";

    private static final Pattern SELECTION = Pattern.compile(
            "\\$\\{?request\\.body\\.[A-Za-z0-9_$-]+(?:\\.[A-Za-z0-9_$-]+)*}?");
    private static final Pattern LAMBDA_URI = Pattern.compile(
            "arn:aws:apigateway:[^:]+:lambda:path/2015-03-31/functions/.+/invocations");
    /** A URL, its host possibly a stage variable ({@code http://${stageVariables.backendHost}/chat}). */
    private static final Pattern HTTP_URI = Pattern.compile("https?://\\S+");
    private static final Set<String> API_FIELDS = Set.of("routeSelectionExpression", "apiKeySelectionExpression",
            "routes");
    private static final Set<String> ROUTE_FIELDS = Set.of("apiKeyRequired", "authorizationType", "authorizer",
            "routeResponseSelectionExpression", "integration");
    private static final Set<String> AUTHORIZER_FIELDS = Set.of("name", "authorizerType", "authorizerUri",
            "identitySource", "authorizerResultTtlInSeconds");
    private static final Pattern IDENTITY_SOURCE = Pattern.compile("route\\.request\\.(header|querystring)\\.[^.\\s]+");
    private static final Set<String> INTEGRATION_FIELDS = Set.of("integrationType", "integrationUri",
            "timeoutInMillis", "requestTemplates", "templateSelectionExpression", "integrationResponses",
            "integrationMethod");
    private static final Set<String> TYPES = Set.of("MOCK", "AWS_PROXY", "HTTP", "HTTP_PROXY");
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD",
            "OPTIONS");

    private WebSocketDefinitionReader() {
    }

    /** Whether {@code definition} is a WebSocket definition; {@code false} for one that does not parse. */
    public static boolean isWebSocket(Path definition) {
        Map<String, Object> root = load(definition);
        return root != null && root.containsKey(EXTENSION);
    }

    /** The definition's model, or {@code null} when it has errors (each one added to {@code diagnostics}). */
    public static WebSocketModel read(Path definition, Diagnostics diagnostics) {
        Map<String, Object> root = load(definition);
        JsonPointer apiPointer = JsonPointer.of(EXTENSION);
        Map<String, Object> api = object(root.get(EXTENSION), apiPointer, diagnostics);
        if (api == null) {
            return null;
        }
        String title = null;
        if (root.get("info") instanceof Map<?, ?> info && info.get("title") instanceof String text) {
            title = text;
        }
        unknownFields(api, API_FIELDS, apiPointer, diagnostics);
        String selection = text(api, "routeSelectionExpression", apiPointer, diagnostics);
        if (selection == null) {
            selection = "$request.body.action";
        } else if (!SELECTION.matcher(selection).matches()) {
            diagnostics.error(apiPointer.append("routeSelectionExpression"), "expected $request.body.<property>"
                    + " (or ${request.body.<property>}), got '" + selection + "'");
        }
        String apiKeySelection = text(api, "apiKeySelectionExpression", apiPointer, diagnostics);
        if (apiKeySelection == null) {
            apiKeySelection = "$request.header.x-api-key";
        } else if (!apiKeySelection.startsWith("$request.header.")) {
            diagnostics.error(apiPointer.append("apiKeySelectionExpression"), "only $request.header.<name> is"
                    + " served, got '" + apiKeySelection + "'");
        }
        JsonPointer routesPointer = apiPointer.append("routes");
        Map<String, Object> routes = object(api.get("routes"), routesPointer, diagnostics);
        List<RouteModel> models = new ArrayList<>();
        if (routes != null) {
            if (routes.isEmpty()) {
                diagnostics.error(routesPointer, "a WebSocket API needs at least one route");
            }
            routes.forEach((key, value) -> {
                RouteModel route = route(key, value, routesPointer.append(key), diagnostics);
                if (route != null) {
                    models.add(route);
                }
            });
        }
        return diagnostics.hasErrors() ? null : new WebSocketModel(title, selection, apiKeySelection, models);
    }

    private static RouteModel route(String key, Object value, JsonPointer pointer, Diagnostics diagnostics) {
        if (key.isBlank() || key.startsWith("$") && !Set.of("$connect", "$disconnect", "$default").contains(key)) {
            diagnostics.error(pointer, "a route key is $connect, $disconnect, $default or a custom key not starting"
                    + " with $, got '" + key + "'");
            return null;
        }
        Map<String, Object> route = object(value, pointer, diagnostics);
        if (route == null) {
            return null;
        }
        unknownFields(route, ROUTE_FIELDS, pointer, diagnostics);
        boolean apiKeyRequired = Boolean.TRUE.equals(route.get("apiKeyRequired"));
        if (apiKeyRequired && !key.equals("$connect")) {
            diagnostics.error(pointer.append("apiKeyRequired"), "only $connect can require an API key");
        }
        String authorization = text(route, "authorizationType", pointer, diagnostics);
        RouteModel.AuthorizerModel authorizer = null;
        if (authorization != null && !authorization.equals("NONE") && !authorization.equals("CUSTOM")) {
            diagnostics.error(pointer.append("authorizationType"), "authorizationType " + authorization
                    + " is not served yet for WebSocket routes (NONE and CUSTOM are)");
        } else if ("CUSTOM".equals(authorization) && !key.equals("$connect")) {
            diagnostics.error(pointer.append("authorizationType"), "only $connect can have an authorizer");
        } else if ("CUSTOM".equals(authorization)) {
            authorizer = authorizer(route.get("authorizer"), pointer.append("authorizer"), diagnostics);
        } else if (route.containsKey("authorizer")) {
            diagnostics.error(pointer.append("authorizer"), "an authorizer needs authorizationType CUSTOM");
        }
        String responseSelection = text(route, "routeResponseSelectionExpression", pointer, diagnostics);
        if (responseSelection != null && !responseSelection.equals("$default")) {
            diagnostics.error(pointer.append("routeResponseSelectionExpression"), "expected $default, got '"
                    + responseSelection + "'");
        }
        if (responseSelection != null && key.equals("$disconnect")) {
            diagnostics.error(pointer.append("routeResponseSelectionExpression"),
                    "$disconnect cannot answer: the client is gone");
        }
        JsonPointer integrationPointer = pointer.append("integration");
        Map<String, Object> integration = object(route.get("integration"), integrationPointer, diagnostics);
        if (integration == null) {
            return null;
        }
        unknownFields(integration, INTEGRATION_FIELDS, integrationPointer, diagnostics);
        String type = text(integration, "integrationType", integrationPointer, diagnostics);
        String uri = text(integration, "integrationUri", integrationPointer, diagnostics);
        if (type == null || !TYPES.contains(type)) {
            diagnostics.error(integrationPointer.append("integrationType"), "expected MOCK, AWS_PROXY, HTTP or"
                    + " HTTP_PROXY, got " + (type == null ? "nothing" : "'" + type + "'"));
        } else if (type.equals("AWS_PROXY") && (uri == null || !LAMBDA_URI.matcher(uri).matches())) {
            diagnostics.error(integrationPointer.append("integrationUri"), "an AWS_PROXY integration needs a Lambda"
                    + " invocation ARN (arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<arn>"
                    + "/invocations), got " + (uri == null ? "nothing" : "'" + uri + "'"));
        } else if (type.startsWith("HTTP") && (uri == null || !HTTP_URI.matcher(uri).matches())) {
            diagnostics.error(integrationPointer.append("integrationUri"), "an " + type + " integration needs an"
                    + " http:// or https:// URL, got " + (uri == null ? "nothing" : "'" + uri + "'"));
        }
        String method = text(integration, "integrationMethod", integrationPointer, diagnostics);
        if (method != null && (type == null || !type.startsWith("HTTP"))) {
            diagnostics.error(integrationPointer.append("integrationMethod"),
                    "only HTTP and HTTP_PROXY integrations have a method");
        } else if (method != null && !HTTP_METHODS.contains(method)) {
            diagnostics.error(integrationPointer.append("integrationMethod"), "expected one of "
                    + String.join(", ", HTTP_METHODS.stream().sorted().toList()) + ", got '" + method + "'");
        }
        if ("HTTP_PROXY".equals(type)) {
            for (String field : List.of("requestTemplates", "integrationResponses")) {
                if (integration.containsKey(field)) {
                    diagnostics.error(integrationPointer.append(field),
                            "an HTTP_PROXY integration passes the message and the answer through: no " + field);
                }
            }
        }
        String templateSelection = text(integration, "templateSelectionExpression", integrationPointer, diagnostics);
        if (templateSelection != null && !templateSelection.equals("\\$default")
                && !templateSelection.equals("$default")) {
            diagnostics.error(integrationPointer.append("templateSelectionExpression"),
                    "only \\$default is served, got '" + templateSelection + "'");
        }
        long timeout = 29_000;
        if (integration.get("timeoutInMillis") instanceof Number number) {
            timeout = number.longValue();
            if (timeout < 50 || timeout > 29_000) {
                diagnostics.error(integrationPointer.append("timeoutInMillis"), "expected 50 to 29000, got " + timeout);
            }
        }
        Map<String, String> requestTemplates = templates(integration.get("requestTemplates"),
                integrationPointer.append("requestTemplates"), diagnostics);
        Map<String, String> responseTemplates = Map.of();
        JsonPointer responsesPointer = integrationPointer.append("integrationResponses");
        Map<String, Object> responses = integration.containsKey("integrationResponses")
                ? object(integration.get("integrationResponses"), responsesPointer, diagnostics) : Map.of();
        if (responses != null) {
            for (Map.Entry<String, Object> response : responses.entrySet()) {
                JsonPointer responsePointer = responsesPointer.append(response.getKey());
                if (!response.getKey().equals("$default")) {
                    diagnostics.error(responsePointer, "only the $default integration response is served");
                    continue;
                }
                Map<String, Object> fields = object(response.getValue(), responsePointer, diagnostics);
                if (fields != null) {
                    unknownFields(fields, Set.of("responseTemplates"), responsePointer, diagnostics);
                    responseTemplates = templates(fields.get("responseTemplates"),
                            responsePointer.append("responseTemplates"), diagnostics);
                }
            }
        }
        return new RouteModel(key, apiKeyRequired, responseSelection, type, uri, method, requestTemplates,
                responseTemplates, timeout, authorizer);
    }

    /** An inline {@code AWS::ApiGatewayV2::Authorizer} of type REQUEST. */
    private static RouteModel.AuthorizerModel authorizer(Object value, JsonPointer pointer, Diagnostics diagnostics) {
        Map<String, Object> authorizer = object(value, pointer, diagnostics);
        if (authorizer == null) {
            return null;
        }
        unknownFields(authorizer, AUTHORIZER_FIELDS, pointer, diagnostics);
        Object ttl = authorizer.get("authorizerResultTtlInSeconds");
        if (ttl != null && !(ttl instanceof Number number && number.longValue() == 0)) {
            // AWS's ApiGatewayV2 reference: the field is supported only for HTTP APIs; WebSocket answers are not cached
            diagnostics.error(pointer.append("authorizerResultTtlInSeconds"), "API Gateway caches no WebSocket"
                    + " authorizer's result (authorizerResultTtlInSeconds is for HTTP APIs only): expected 0 or"
                    + " nothing, got " + ttl);
        }
        String name = text(authorizer, "name", pointer, diagnostics);
        String type = text(authorizer, "authorizerType", pointer, diagnostics);
        String uri = text(authorizer, "authorizerUri", pointer, diagnostics);
        if (name == null || name.isBlank()) {
            diagnostics.error(pointer.append("name"), "an authorizer needs a name");
        }
        if (!"REQUEST".equals(type)) {
            diagnostics.error(pointer.append("authorizerType"), "expected REQUEST, got "
                    + (type == null ? "nothing" : "'" + type + "'"));
        }
        if (uri == null || !LAMBDA_URI.matcher(uri).matches()) {
            diagnostics.error(pointer.append("authorizerUri"), "expected a Lambda invocation ARN"
                    + " (arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<arn>/invocations), got "
                    + (uri == null ? "nothing" : "'" + uri + "'"));
        }
        List<String> sources = new ArrayList<>();
        Object listed = authorizer.get("identitySource");
        if (listed instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof String source && IDENTITY_SOURCE.matcher(source).matches()) {
                    sources.add(source);
                } else {
                    diagnostics.error(pointer.append("identitySource").append(i), "expected"
                            + " route.request.header.<name> or route.request.querystring.<name>, got " + list.get(i));
                }
            }
        } else if (listed != null) {
            diagnostics.error(pointer.append("identitySource"), "expected a list of identity sources");
        }
        return name == null || uri == null ? null : new RouteModel.AuthorizerModel(name, uri, sources);
    }

    /** Templates by selection key; each must parse as a mapping template. */
    private static Map<String, String> templates(Object value, JsonPointer pointer, Diagnostics diagnostics) {
        if (value == null) {
            return Map.of();
        }
        Map<String, Object> templates = object(value, pointer, diagnostics);
        Map<String, String> result = new LinkedHashMap<>();
        if (templates == null) {
            return result;
        }
        templates.forEach((key, template) -> {
            JsonPointer at = pointer.append(key);
            if (!key.equals("$default")) {
                diagnostics.error(at, "only the $default template is served (templateSelectionExpression \\$default)");
            } else if (!(template instanceof String text)) {
                diagnostics.error(at, "expected a template as a string");
            } else {
                try {
                    MappingTemplate.parse(text, "template");
                    result.put(key, text);
                } catch (TemplateException e) {
                    diagnostics.error(at, e.getMessage());
                }
            }
        });
        return result;
    }

    private static void unknownFields(Map<String, Object> object, Set<String> known, JsonPointer pointer,
            Diagnostics diagnostics) {
        for (String field : object.keySet()) {
            if (!known.contains(field)) {
                diagnostics.error(pointer.append(field), "unknown field '" + field + "' (known: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    private static String text(Map<String, Object> object, String field, JsonPointer pointer,
            Diagnostics diagnostics) {
        Object value = object.get(field);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        diagnostics.error(pointer.append(field), "expected a string, got " + value);
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, JsonPointer pointer, Diagnostics diagnostics) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            ((Map<Object, Object>) map).forEach((k, v) -> result.put(String.valueOf(k), v));
            return result;
        }
        diagnostics.error(pointer, value == null ? "missing: expected an object" : "expected an object, got " + value);
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(Path definition) {
        try (Reader reader = Files.newBufferedReader(definition, StandardCharsets.UTF_8)) {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            return root instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
        } catch (IOException | RuntimeException e) {
            return null; // the REST reader reports what is wrong with the file
        }
    }
}
