package dev.turnpike.codegen.model;

import java.util.List;

/**
 * One definition, read and normalized: what API Gateway would import from it.
 *
 * @param title {@code info.title}, or {@code null} when the definition has none (or not as a string)
 * @param apiKeySource {@code HEADER} (API Gateway's default) or {@code AUTHORIZER}
 * @param operations every method of every resource, in definition order
 * @param binaryMediaTypes {@code x-amazon-apigateway-binary-media-types}, in definition order
 */
public record ApiModel(String title, String apiKeySource, List<OperationModel> operations,
        List<String> binaryMediaTypes) {

    public ApiModel {
        operations = List.copyOf(operations);
        binaryMediaTypes = List.copyOf(binaryMediaTypes);
    }
}
