package dev.turnpike.codegen.model;

import dev.turnpike.runtime.model.GatewayResponseSpec;
import dev.turnpike.runtime.model.MethodValidation;
import dev.turnpike.runtime.response.GatewayResponseType;
import java.util.List;
import java.util.Map;

/**
 * One definition, read and normalized: what API Gateway would import from it.
 *
 * @param title {@code info.title}, or {@code null} when the definition has none (or not as a string)
 * @param apiKeySource {@code HEADER} (API Gateway's default) or {@code AUTHORIZER}
 * @param operations every method of every resource, in definition order
 * @param binaryMediaTypes {@code x-amazon-apigateway-binary-media-types}, in definition order
 * @param gatewayResponses {@code x-amazon-apigateway-gateway-responses} by type
 * @param requestValidation each validated method's validation, by the operation's JSON pointer (its value)
 * @param models the models request validation needs, name to JSON Schema text, in definition order
 * @param resourcePolicy {@code x-amazon-apigateway-policy} as JSON text; {@code null} for none
 * @param endpointType {@code EDGE}, {@code REGIONAL} or {@code PRIVATE}
 * @param document the definition as OpenAPI 3 JSON, for {@code GetExport}; {@code null} when not kept. Not part
 *     of the deployment id: the model above decides what is served.
 */
public record ApiModel(String title, String apiKeySource, List<OperationModel> operations,
        List<String> binaryMediaTypes, Map<GatewayResponseType, GatewayResponseSpec> gatewayResponses,
        Map<String, MethodValidation> requestValidation, Map<String, String> models, String resourcePolicy,
        String endpointType, String document) {

    public ApiModel {
        operations = List.copyOf(operations);
        binaryMediaTypes = List.copyOf(binaryMediaTypes);
        gatewayResponses = gatewayResponses.isEmpty() ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(gatewayResponses));
        requestValidation = OrderedMaps.copyOf(requestValidation);
        models = OrderedMaps.copyOf(models);
    }

    public ApiModel(String title, String apiKeySource, List<OperationModel> operations,
            List<String> binaryMediaTypes) {
        this(title, apiKeySource, operations, binaryMediaTypes, Map.of(), Map.of(), Map.of(), null, "EDGE", null);
    }

    /**
     * The record's text (the deployment id hashes it), leaving out gateway responses, validation, models, policy and
     * a default endpoint type when there are none, so a definition without them keeps the deployment id it had before they were read.
     */
    @Override
    public String toString() {
        return "ApiModel[title=" + title + ", apiKeySource=" + apiKeySource + ", operations=" + operations
                + ", binaryMediaTypes=" + binaryMediaTypes
                + (gatewayResponses.isEmpty() ? "" : ", gatewayResponses=" + gatewayResponses)
                + (requestValidation.isEmpty() ? "" : ", requestValidation=" + requestValidation)
                + (models.isEmpty() ? "" : ", models=" + models)
                + (resourcePolicy == null ? "" : ", resourcePolicy=" + resourcePolicy)
                + (endpointType.equals("EDGE") ? "" : ", endpointType=" + endpointType) + "]";
    }
}
