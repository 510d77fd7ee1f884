package dev.turnpike.runtime.routing;

import dev.turnpike.runtime.model.Operation;
import java.util.Map;

/**
 * The resource a request path selected and, if it has one for the request's method, the operation.
 *
 * @param resource the matched resource; never null
 * @param operation the method's operation, or {@code null} when the resource has no such method
 * @param pathParameters raw (not percent-decoded) values by parameter name, as API Gateway passes them
 */
public record RouteMatch(RouteNode resource, Operation operation, Map<String, String> pathParameters) {
}
