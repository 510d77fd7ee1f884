package dev.turnpike.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.turnpike.codegen.model.OperationModel;
import dev.turnpike.codegen.model.Resource;
import dev.turnpike.runtime.routing.RouteNode;

/**
 * The resource tree as one nested expression of {@code RouteNode} builders: the generated file reads like the
 * API's resource list, and at run time a lookup walks one node per path segment.
 */
final class RouteTreeEmitter {

    private final ClassName operations;
    private final OperationConstantNames names;

    RouteTreeEmitter(ClassName operations, OperationConstantNames names) {
        this.operations = operations;
        this.names = names;
    }

    CodeBlock tree(Resource resource) {
        CodeBlock.Builder code = CodeBlock.builder().add("$T.resource($S)$>$>", RouteNode.class, resource.path());
        for (OperationModel method : resource.methods()) {
            code.add("\n.method($T.$N)", operations, names.of(method));
        }
        resource.literals().forEach((segment, child) -> code.add("\n.literal($S, $L)", segment, tree(child)));
        if (resource.param() != null) {
            code.add("\n.param($S, $L)", resource.param().name(), tree(resource.param().resource()));
        }
        if (resource.greedy() != null) {
            code.add("\n.greedy($S, $L)", resource.greedy().name(), tree(resource.greedy().resource()));
        }
        return code.add("\n.build()$<$<").build();
    }
}
