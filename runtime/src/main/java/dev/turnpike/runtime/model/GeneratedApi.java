package dev.turnpike.runtime.model;

import dev.turnpike.runtime.response.GatewayResponseType;
import dev.turnpike.runtime.routing.RouteNode;
import java.util.List;
import java.util.Map;

/**
 * One API generated from one definition: a deployment, in API Gateway's terms. The generator writes one
 * implementation per definition and lists it in {@code META-INF/services/dev.turnpike.runtime.model.GeneratedApi}
 * so the gateway finds it with {@link java.util.ServiceLoader}.
 */
public interface GeneratedApi {

    /** A short name from the definition's file name, e.g. {@code petstore}. */
    String name();

    /** The definition's {@code info.title}. */
    String title();

    /** A deterministic id: a hash of the normalized definition, so the same definition is the same deployment. */
    String deploymentId();

    /** The definition file the API was generated from, for messages. */
    String source();

    /** The root resource ({@code /}) of the resource tree, decided at build time. */
    RouteNode routes();

    /** Every operation, in definition order. */
    List<Operation> operations();

    /**
     * {@code x-amazon-apigateway-binary-media-types}: the media types whose payloads are binary ({@code image/png},
     * {@code application/*}, {@code *}{@code /*}). Empty for an API that declares none, and for code generated
     * before binary support, which does not implement this method.
     */
    default List<String> binaryMediaTypes() {
        return List.of();
    }

    /**
     * {@code x-amazon-apigateway-gateway-responses}: the customised gateway responses by type. Empty for an API
     * that customises none, and for code generated before gateway responses, which does not implement this method.
     */
    default Map<GatewayResponseType, GatewayResponseSpec> gatewayResponses() {
        return Map.of();
    }

    /**
     * The methods that have a request validator ({@code x-amazon-apigateway-request-validator}, per method or at the
     * root) and what it checks. Empty for an API without validators and for code generated before validation.
     */
    default Map<Operation, MethodValidation> requestValidation() {
        return Map.of();
    }

    /**
     * The models ({@code components.schemas} / {@code definitions}) request validation needs, name to JSON Schema
     * draft 4 as JSON text; references between models stay as written. Empty when no method validates its body.
     */
    default Map<String, String> models() {
        return Map.of();
    }

    /**
     * {@code x-amazon-apigateway-api-key-source}: where a method that requires an API key finds it, {@code HEADER}
     * (the {@code x-api-key} header, API Gateway's default) or {@code AUTHORIZER} (the Lambda authorizer's
     * {@code usageIdentifierKey}).
     */
    default String apiKeySource() {
        return "HEADER";
    }

    /**
     * {@code x-amazon-apigateway-policy}: the API's resource policy as IAM policy JSON, or {@code null} when it has
     * none (and for code generated before resource policies).
     */
    default String resourcePolicy() {
        return null;
    }

    /**
     * {@code x-amazon-apigateway-endpoint-configuration}'s type: {@code EDGE} (API Gateway's default),
     * {@code REGIONAL} or {@code PRIVATE}. A private API answers only requests that arrive through a VPC endpoint.
     */
    default String endpointType() {
        return "EDGE";
    }

    /**
     * The class-path resource holding the definition as OpenAPI 3 JSON (written by the generator beside this class),
     * what the management API's {@code GetExport} answers from; {@code null} for code generated before exports and
     * for hand-written APIs.
     */
    default String definitionResource() {
        return null;
    }
}
