package dev.turnpike.codegen.model;

import java.util.List;
import java.util.Map;

/**
 * One node of the resource tree that codegen decides and the generated code rebuilds as {@code RouteNode}s:
 * the same shape as API Gateway's resources, intermediate resources without methods included.
 *
 * @param path the resource's path template, {@code /} for the root
 * @param methods its operations, in definition order
 * @param literals literal child segment to child, in definition order
 * @param param the path-parameter child, or {@code null}
 * @param greedy the greedy ({@code {name+}}) child, or {@code null}
 */
public record Resource(String path, List<OperationModel> methods, Map<String, Resource> literals, Variable param,
        Variable greedy) {

    /** A variable child: its parameter name (without braces or {@code +}) and the resource it leads to. */
    public record Variable(String name, Resource resource) {
    }

    public Resource {
        methods = List.copyOf(methods);
        literals = OrderedMaps.copyOf(literals);
    }
}
