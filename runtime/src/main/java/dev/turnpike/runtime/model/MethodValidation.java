package dev.turnpike.runtime.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What API Gateway's request validator of one method checks: the validator named by the method's
 * {@code x-amazon-apigateway-request-validator} (or the root's), looked up in
 * {@code x-amazon-apigateway-request-validators}, and the method's request models.
 *
 * @param validator the validator's name, for messages
 * @param requestModels content type to model name ({@code components.schemas} / {@code definitions})
 */
public record MethodValidation(
        String validator,
        boolean validateRequestParameters,
        boolean validateRequestBody,
        Map<String, String> requestModels) {

    public MethodValidation {
        requestModels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(requestModels));
    }
}
