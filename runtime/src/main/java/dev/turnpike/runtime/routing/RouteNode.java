package dev.turnpike.runtime.routing;

import dev.turnpike.runtime.model.Operation;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One resource of API Gateway's resource tree: its methods and its children. The generator builds the whole tree
 * at build time as nested builder calls, so the generated file reads like the API's resource list; at run time
 * a lookup walks one node per path segment, whatever the number of routes.
 *
 * <p>A node has any number of literal children ({@code /pets}), at most one path-parameter child
 * ({@code /{petId}}) and at most one greedy child ({@code /{proxy+}}), and that is also their order of
 * precedence, as in API Gateway.
 */
public final class RouteNode {

    private final String path;
    private final Map<String, Operation> methods;
    private final Map<String, RouteNode> literals;
    private final String paramName;
    private final RouteNode paramChild;
    private final String greedyName;
    private final RouteNode greedyChild;

    private RouteNode(Builder b) {
        this.path = b.path;
        this.methods = Collections.unmodifiableMap(new HashMap<>(b.methods));
        this.literals = Collections.unmodifiableMap(new HashMap<>(b.literals));
        this.paramName = b.paramName;
        this.paramChild = b.paramChild;
        this.greedyName = b.greedyName;
        this.greedyChild = b.greedyChild;
    }

    /** Starts the node for the resource at {@code path}, e.g. {@code /pets/{petId}}. */
    public static Builder resource(String path) {
        return new Builder(path);
    }

    public String path() {
        return path;
    }

    /** The operation for an upper-case method, falling back to {@code ANY}; {@code null} if neither exists. */
    public Operation operation(String httpMethod) {
        Operation op = methods.get(httpMethod);
        return op != null ? op : methods.get("ANY");
    }

    public boolean hasMethods() {
        return !methods.isEmpty();
    }

    RouteNode literal(String segment) {
        return literals.get(segment);
    }

    String paramName() {
        return paramName;
    }

    RouteNode paramChild() {
        return paramChild;
    }

    String greedyName() {
        return greedyName;
    }

    RouteNode greedyChild() {
        return greedyChild;
    }

    @Override
    public String toString() {
        return path + " " + methods.keySet();
    }

    public static final class Builder {
        private final String path;
        private final Map<String, Operation> methods = new LinkedHashMap<>();
        private final Map<String, RouteNode> literals = new LinkedHashMap<>();
        private String paramName;
        private RouteNode paramChild;
        private String greedyName;
        private RouteNode greedyChild;

        private Builder(String path) {
            this.path = Objects.requireNonNull(path, "path");
        }

        public Builder method(Operation operation) {
            if (methods.putIfAbsent(operation.httpMethod(), operation) != null) {
                throw new IllegalArgumentException("two " + operation.httpMethod() + " methods on " + path);
            }
            return this;
        }

        public Builder literal(String segment, RouteNode child) {
            if (segment.isEmpty() || segment.indexOf('/') >= 0) {
                throw new IllegalArgumentException("not a path segment: '" + segment + "'");
            }
            if (literals.putIfAbsent(segment, child) != null) {
                throw new IllegalArgumentException("two children '" + segment + "' under " + path);
            }
            return this;
        }

        public Builder param(String name, RouteNode child) {
            if (paramChild != null) {
                throw new IllegalArgumentException("two path parameters under " + path + ": {" + paramName
                        + "} and {" + name + "}");
            }
            this.paramName = name;
            this.paramChild = child;
            return this;
        }

        public Builder greedy(String name, RouteNode child) {
            if (greedyChild != null) {
                throw new IllegalArgumentException("two greedy parameters under " + path);
            }
            this.greedyName = name;
            this.greedyChild = child;
            return this;
        }

        public RouteNode build() {
            return new RouteNode(this);
        }
    }
}
