package dev.turnpike.runtime.pipeline;

import dev.turnpike.runtime.http.ClientRequest;
import dev.turnpike.runtime.integration.QueryString;
import dev.turnpike.runtime.integration.RequestBodies;
import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.model.MethodValidation;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.response.GatewayError;
import dev.turnpike.runtime.response.GatewayResponseType;
import dev.turnpike.runtime.validation.RequestModels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * Request validation, the step after authorization and throttling: parameters first, then the body.
 *
 * <p>Parameters: with {@code validateRequestParameters}, every required
 * {@code method.request.(header|querystring|path).X} must be in the request, else 400 BAD_REQUEST_PARAMETERS
 * {@code Missing required request parameters: [a, b]}, names ordered by their full {@code method.request.*} key
 * (header, path, querystring), as recorded on AWS (SEMANTICS.md §9). A required path parameter the resource path
 * does not declare is not reported, as the recorded case {@code validator-missing-parameters-querystring} shows.
 *
 * <p>Body: with {@code validateRequestBody}, the body must be an instance of the method's model for the request's
 * content type ({@code application/json} when none is sent; an empty body is {@code {}}), else 400
 * BAD_REQUEST_BODY {@code Invalid request body}, the problems in {@code $context.error.validationErrorString}.
 * The body is read once here and replayed to the integration.
 */
final class RequestValidation {

    private static final String HEADER = "method.request.header.";
    private static final String QUERY = "method.request.querystring.";
    private static final String PATH = "method.request.path.";

    private final Map<Operation, MethodValidation> validations;
    private final RequestModels models;

    /** Compiles the API's models; throws IllegalArgumentException naming a model that is not a schema. */
    RequestValidation(GeneratedApi api) {
        this.validations = new IdentityHashMap<>();
        api.requestValidation().forEach(validations::put);
        this.models = validations.isEmpty() ? new RequestModels(Map.of()) : new RequestModels(api.models());
    }

    /** The error for a request its method's validator refuses, else {@code null}; the exchange's body is replayable. */
    CompletableFuture<GatewayError> validate(Exchange exchange) {
        MethodValidation validation = validations.get(exchange.operation());
        if (validation == null) {
            return CompletableFuture.completedFuture(null);
        }
        if (validation.validateRequestParameters()) {
            GatewayError missing = missingParameters(exchange);
            if (missing != null) {
                return CompletableFuture.completedFuture(missing);
            }
        }
        if (!validation.validateRequestBody()) {
            return CompletableFuture.completedFuture(null);
        }
        String model = model(validation, exchange.clientRequest().headers().first("Content-Type"));
        if (model == null) {
            return CompletableFuture.completedFuture(null);
        }
        ClientRequest clientRequest = exchange.clientRequest();
        return RequestBodies.read(clientRequest).handle((body, failure) -> {
            if (failure != null) {
                return RequestBodies.readFailure(failure, GatewayResponseType.BAD_REQUEST_BODY);
            }
            exchange.clientRequest(new ReplayedRequest(clientRequest, body));
            List<String> problems = models.problems(model, new String(body, StandardCharsets.UTF_8));
            if (problems.isEmpty()) {
                return null;
            }
            String detail = "[" + String.join(", ", problems) + "]";
            return new GatewayError(GatewayResponseType.BAD_REQUEST_BODY, "Invalid request body",
                    validation.validator() + " " + model + ": " + detail, detail);
        });
    }

    /**
     * The model for the content type (parameters and case ignored); with no Content-Type, {@code application/json}'s.
     * {@code null} when the method has no model for it: AWS validates nothing then.
     */
    private String model(MethodValidation validation, String contentType) {
        String type = contentType == null ? "application/json"
                : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> entry : validation.requestModels().entrySet()) {
            if (entry.getKey().toLowerCase(Locale.ROOT).equals(type) && models.has(entry.getValue())) {
                return entry.getValue();
            }
        }
        return null;
    }

    private GatewayError missingParameters(Exchange exchange) {
        Operation operation = exchange.operation();
        QueryString query = null;
        TreeSet<String> missing = new TreeSet<>();
        for (Map.Entry<String, Boolean> parameter : operation.requestParameters().entrySet()) {
            if (!parameter.getValue()) {
                continue;
            }
            String key = parameter.getKey();
            boolean present;
            if (key.startsWith(HEADER)) {
                present = exchange.clientRequest().headers().first(key.substring(HEADER.length())) != null;
            } else if (key.startsWith(QUERY)) {
                if (query == null) {
                    query = QueryString.parse(exchange.clientRequest().rawQuery());
                }
                present = query.last(key.substring(QUERY.length())) != null;
            } else if (key.startsWith(PATH)) {
                String name = key.substring(PATH.length());
                present = !exchange.match().pathParameters().containsKey(name)
                        || !exchange.match().pathParameters().get(name).isEmpty();
            } else {
                present = true;
            }
            if (!present) {
                missing.add(key);
            }
        }
        if (missing.isEmpty()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        missing.forEach(key -> names.add(key.substring(prefixLength(key))));
        return new GatewayError(GatewayResponseType.BAD_REQUEST_PARAMETERS,
                "Missing required request parameters: [" + String.join(", ", names) + "]", null);
    }

    private static int prefixLength(String key) {
        return key.startsWith(HEADER) ? HEADER.length() : key.startsWith(QUERY) ? QUERY.length() : PATH.length();
    }
}
