package dev.turnpike.runtime.model;

import dev.turnpike.runtime.routing.RouteNode;
import java.util.List;

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
}
