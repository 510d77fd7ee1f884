package dev.turnpike.runtime.websocket;

import java.util.List;
import java.util.Objects;

/**
 * A REQUEST Lambda authorizer on {@code $connect} ({@code AWS::ApiGatewayV2::Authorizer} with
 * {@code AuthorizerType: REQUEST}).
 *
 * @param name the authorizer's name
 * @param uri the function's invocation ARN
 * @param identitySources {@code route.request.header.<name>} and {@code route.request.querystring.<name>}: the
 *     handshake is refused with 401 when one is missing, before the function is called
 */
public record WebSocketAuthorizer(String name, String uri, List<String> identitySources) {

    public WebSocketAuthorizer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uri, "uri");
        identitySources = List.copyOf(identitySources);
    }
}
