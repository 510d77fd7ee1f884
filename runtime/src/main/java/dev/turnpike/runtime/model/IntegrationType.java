package dev.turnpike.runtime.model;

/** AWS's integration types, as {@code x-amazon-apigateway-integration.type} names them (upper-cased). */
public enum IntegrationType {
    MOCK,
    HTTP,
    HTTP_PROXY,
    AWS,
    AWS_PROXY
}
