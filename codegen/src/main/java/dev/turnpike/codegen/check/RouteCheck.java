package dev.turnpike.codegen.check;

import dev.turnpike.codegen.model.JsonPointer;
import dev.turnpike.codegen.model.OperationModel;
import dev.turnpike.codegen.model.PathTemplate.Kind;
import dev.turnpike.codegen.model.PathTemplate.Segment;
import dev.turnpike.codegen.model.PathTemplate;
import dev.turnpike.codegen.model.Resource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds API Gateway's resource tree from the operations' paths and reports what API Gateway would refuse: a
 * malformed or empty segment, a greedy segment that is not last, two variable children of one resource
 * ({@code /pets/{id}} and {@code /pets/{name}}), and the same method twice on one resource.
 */
final class RouteCheck {

    /** A resource being built; the tree is frozen into {@link Resource}s at the end. */
    private static final class Node {
        final String path;
        final List<OperationModel> methods = new ArrayList<>();
        final Map<String, Node> literals = new LinkedHashMap<>();
        Segment variable;
        Node variableChild;

        Node(String path) {
            this.path = path;
        }

        Resource freeze() {
            Map<String, Resource> children = new LinkedHashMap<>();
            literals.forEach((segment, child) -> children.put(segment, child.freeze()));
            Resource.Variable param = null;
            Resource.Variable greedy = null;
            if (variable != null) {
                Resource.Variable child = new Resource.Variable(variable.name(), variableChild.freeze());
                param = variable.kind() == Kind.PARAM ? child : null;
                greedy = variable.kind() == Kind.GREEDY ? child : null;
            }
            return new Resource(path, methods, children, param, greedy);
        }
    }

    private final Diagnostics diagnostics;
    private final Node root = new Node("/");
    /** Paths already reported, so a path with five methods gets its problem once. */
    private final Set<String> refusedPaths = new HashSet<>();

    private RouteCheck(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** The root resource, with every operation whose path API Gateway accepts. */
    static Resource resourceTree(List<OperationModel> operations, Diagnostics diagnostics) {
        RouteCheck check = new RouteCheck(diagnostics);
        for (OperationModel operation : operations) {
            check.add(operation);
        }
        return check.root.freeze();
    }

    private void add(OperationModel operation) {
        String path = operation.resourcePath();
        if (refusedPaths.contains(path)) {
            return;
        }
        JsonPointer pathPointer = pathPointer(operation);
        String problem = segmentProblem(path);
        if (problem != null) {
            refuse(path, pathPointer, problem);
            return;
        }
        Node node = root;
        StringBuilder resourcePath = new StringBuilder();
        for (Segment segment : PathTemplate.segments(path)) {
            resourcePath.append('/').append(segment.text());
            if (segment.kind() == Kind.LITERAL) {
                node = node.literals.computeIfAbsent(segment.text(), text -> new Node(resourcePath.toString()));
            } else if (node.variable == null) {
                node.variable = segment;
                node.variableChild = new Node(resourcePath.toString());
                node = node.variableChild;
            } else if (node.variable.text().equals(segment.text())) {
                node = node.variableChild;
            } else {
                // API Gateway's own words for this, as its import reports them.
                refuse(path, pathPointer, "A sibling (" + node.variable.text() + ") of this resource already has a"
                        + " variable path part -- only one is allowed");
                return;
            }
        }
        for (OperationModel existing : node.methods) {
            if (existing.httpMethod().equals(operation.httpMethod())) {
                diagnostics.error(operation.pointer(), operation.describe() + " is already defined at "
                        + existing.pointer());
                return;
            }
        }
        node.methods.add(operation);
    }

    private static String segmentProblem(String path) {
        if (!path.startsWith("/")) {
            return "the path does not start with '/'";
        }
        List<Segment> segments = PathTemplate.segments(path);
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            if (segment.text().isEmpty()) {
                return "the path has an empty segment";
            }
            if (segment.kind() == Kind.MALFORMED) {
                return "segment '" + segment.text() + "' is not a path parameter: a parameter is a whole segment,"
                        + " {name} or {name+}";
            }
            if (segment.kind() == Kind.GREEDY && i < segments.size() - 1) {
                return "the greedy parameter " + segment.text() + " must be the last segment";
            }
        }
        return null;
    }

    private void refuse(String path, JsonPointer pointer, String message) {
        refusedPaths.add(path);
        diagnostics.error(pointer, message);
    }

    /** {@code /paths/~1pets}: the operation's pointer without its method. */
    private static JsonPointer pathPointer(OperationModel operation) {
        String value = operation.pointer().value();
        return new JsonPointer(value.substring(0, value.lastIndexOf('/')));
    }
}
