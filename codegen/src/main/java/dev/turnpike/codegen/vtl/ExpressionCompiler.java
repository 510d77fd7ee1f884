package dev.turnpike.codegen.vtl;

import dev.turnpike.runtime.template.VelocityRules;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.velocity.runtime.parser.node.ASTAddNode;
import org.apache.velocity.runtime.parser.node.ASTAndNode;
import org.apache.velocity.runtime.parser.node.ASTDivNode;
import org.apache.velocity.runtime.parser.node.ASTEQNode;
import org.apache.velocity.runtime.parser.node.ASTExpression;
import org.apache.velocity.runtime.parser.node.ASTFalse;
import org.apache.velocity.runtime.parser.node.ASTFloatingPointLiteral;
import org.apache.velocity.runtime.parser.node.ASTGENode;
import org.apache.velocity.runtime.parser.node.ASTGTNode;
import org.apache.velocity.runtime.parser.node.ASTIdentifier;
import org.apache.velocity.runtime.parser.node.ASTIndex;
import org.apache.velocity.runtime.parser.node.ASTIntegerLiteral;
import org.apache.velocity.runtime.parser.node.ASTIntegerRange;
import org.apache.velocity.runtime.parser.node.ASTLENode;
import org.apache.velocity.runtime.parser.node.ASTLTNode;
import org.apache.velocity.runtime.parser.node.ASTMap;
import org.apache.velocity.runtime.parser.node.ASTMethod;
import org.apache.velocity.runtime.parser.node.ASTModNode;
import org.apache.velocity.runtime.parser.node.ASTMulNode;
import org.apache.velocity.runtime.parser.node.ASTNENode;
import org.apache.velocity.runtime.parser.node.ASTNegateNode;
import org.apache.velocity.runtime.parser.node.ASTNotNode;
import org.apache.velocity.runtime.parser.node.ASTObjectArray;
import org.apache.velocity.runtime.parser.node.ASTOrNode;
import org.apache.velocity.runtime.parser.node.ASTReference;
import org.apache.velocity.runtime.parser.node.ASTStringLiteral;
import org.apache.velocity.runtime.parser.node.ASTSubtractNode;
import org.apache.velocity.runtime.parser.node.ASTTrue;
import org.apache.velocity.runtime.parser.node.Node;

/**
 * Expressions: each node's value (what {@code Node.value} returns) and its truth (what {@code Node.evaluate}
 * returns, which for some nodes is not the truth of the value). Every result is put in a local as soon as it is
 * computed, so operands are evaluated once and in the interpreter's order.
 */
final class ExpressionCompiler {

    private final BodyCompiler body;

    ExpressionCompiler(BodyCompiler body) {
        this.body = body;
    }

    /** Emits the code computing {@code node}'s value; returns the local (or constant) holding it. */
    String value(Node node) throws VtlCompileException {
        if (node instanceof ASTExpression) {
            return value(node.jjtGetChild(0));
        }
        if (node instanceof ASTReference reference) {
            return reference(reference);
        }
        if (node instanceof ASTStringLiteral literal) {
            return string(literal);
        }
        if (node instanceof ASTIntegerLiteral || node instanceof ASTFloatingPointLiteral) {
            return number(node);
        }
        if (node instanceof ASTTrue) {
            return "Boolean.TRUE";
        }
        if (node instanceof ASTFalse) {
            return "Boolean.FALSE";
        }
        if (node instanceof ASTMap || node instanceof ASTObjectArray) {
            StringBuilder operands = new StringBuilder();
            for (int i = 0; i < node.jjtGetNumChildren(); i++) {
                operands.append(i == 0 ? "" : ", ").append(value(node.jjtGetChild(i)));
            }
            return result("$T.$N($L)", VelocityRules.class, node instanceof ASTMap ? "map" : "list", operands);
        }
        if (node instanceof ASTIntegerRange) {
            String from = value(node.jjtGetChild(0));
            String to = value(node.jjtGetChild(1));
            return result("$T.range($N, $N)", VelocityRules.class, from, to);
        }
        if (node instanceof ASTAddNode) {
            String left = value(node.jjtGetChild(0));
            String right = value(node.jjtGetChild(1));
            return result("$T.add($N, $N, $S, $S)", VelocityRules.class, left, right,
                    NodeFields.literal(node.jjtGetChild(0)), NodeFields.literal(node.jjtGetChild(1)));
        }
        char operator = node instanceof ASTSubtractNode ? '-' : node instanceof ASTMulNode ? '*'
                : node instanceof ASTDivNode ? '/' : node instanceof ASTModNode ? '%' : 0;
        if (operator != 0) {
            String left = value(node.jjtGetChild(0));
            String right = value(node.jjtGetChild(1));
            return result("$T.arithmetic('$L', $N, $N)", VelocityRules.class, operator, left, right);
        }
        if (node instanceof ASTNegateNode) {
            String operand = value(node.jjtGetChild(0));
            return result("$T.negate($N)", VelocityRules.class, operand);
        }
        if (isCondition(node)) {
            String test = condition(node);
            return result("$L ? Boolean.TRUE : Boolean.FALSE", test);
        }
        throw BodyCompiler.unsupported(node, "this expression (" + node.getClass().getSimpleName() + ")");
    }

    private static boolean isCondition(Node node) {
        return node instanceof ASTEQNode || node instanceof ASTLTNode || node instanceof ASTGTNode
                || node instanceof ASTLENode || node instanceof ASTGENode || node instanceof ASTAndNode
                || node instanceof ASTOrNode || node instanceof ASTNotNode;
    }

    /** Emits the code deciding {@code node} as {@code #if} would; returns a boolean local or constant. */
    String condition(Node node) throws VtlCompileException {
        if (node instanceof ASTExpression || node instanceof ASTNegateNode) {
            return condition(node.jjtGetChild(0));
        }
        if (node instanceof ASTReference reference) {
            String value = reference(reference);
            return test("$T.truthy($N)", VelocityRules.class, value);
        }
        String comparison = node instanceof ASTNENode || node instanceof ASTEQNode ? "equal"
                : node instanceof ASTLTNode ? "less" : node instanceof ASTGTNode ? "greater"
                : node instanceof ASTLENode ? "lessOrEqual" : node instanceof ASTGENode ? "greaterOrEqual" : null;
        if (comparison != null) {
            String left = value(node.jjtGetChild(0));
            String right = value(node.jjtGetChild(1));
            return test("$L$T.$N($N, $N)", node instanceof ASTNENode ? "!" : "", VelocityRules.class, comparison,
                    left, right);
        }
        if (node instanceof ASTAndNode || node instanceof ASTOrNode) {
            String result = test("$L", condition(node.jjtGetChild(0)));
            body.emit(node instanceof ASTAndNode ? "if ($N) {\n$>" : "if (!$N) {\n$>", result);
            String right = condition(node.jjtGetChild(1));
            body.statement("$N = $L", result, right);
            body.emit("$<}\n");
            return result;
        }
        if (node instanceof ASTNotNode) {
            return test("!$L", condition(node.jjtGetChild(0)));
        }
        if (node instanceof ASTTrue) {
            return "true";
        }
        if (node instanceof ASTStringLiteral literal) {
            string(literal); // an interpolated literal runs its references; any string is true
            return "true";
        }
        if (node instanceof ASTIntegerLiteral || node instanceof ASTFloatingPointLiteral || node instanceof ASTMap
                || node instanceof ASTObjectArray) {
            return "true"; // without checking emptiness, a literal is true (and its elements are not evaluated)
        }
        return "false"; // Velocity's other nodes (false, arithmetic, ranges) are false without being evaluated
    }

    /**
     * A reference's value: its variable, then each property, method and index in turn; the first null ends the
     * chain with {@code ""}, as API Gateway's null handling does (SEMANTICS.md 2.1).
     */
    String reference(ASTReference reference) throws VtlCompileException {
        if (!NodeFields.flag(reference, "computableReference")) {
            throw BodyCompiler.unsupported(reference, "the reference " + NodeFields.literal(reference));
        }
        int n = reference.jjtGetNumChildren();
        if (n > 0 && reference.jjtGetChild(n - 1) instanceof ASTExpression) {
            throw BodyCompiler.unsupported(reference, "a default value in a reference");
        }
        String root = body.variable(reference.getRootString());
        String result = body.temp("value");
        if (n == 0) {
            body.statement("Object $N = $N != null ? $N : \"\"", result, root, root);
            return result;
        }
        String label = body.temp("reference");
        body.statement("Object $N", result);
        body.emit("$N: {\n$>", label);
        body.statement("$N = $N", result, root);
        for (int i = 0; i < n; i++) {
            body.emit("if ($N == null) {\n$>", result);
            body.statement("$N = \"\"", result);
            body.statement("break $N", label);
            body.emit("$<}\n");
            step(reference.jjtGetChild(i), result);
        }
        body.statement("if ($N == null) $N = \"\"", result, result);
        body.emit("$<}\n");
        return result;
    }

    /** {@code target = target.<step>}: a property, method call or index. */
    private void step(Node step, String target) throws VtlCompileException {
        if (step instanceof ASTIdentifier identifier) {
            String site = body.sites.add("property", identifier.getIdentifier(), step.getLine(), step.getColumn());
            body.statement("$N = $N.property(r, $N)", target, site, target);
        } else if (step instanceof ASTMethod method) {
            StringBuilder arguments = new StringBuilder();
            for (int i = 1; i < method.jjtGetNumChildren(); i++) {
                arguments.append(", ").append(value(method.jjtGetChild(i)));
            }
            String site = body.sites.add("call", method.getMethodName(), step.getLine(), step.getColumn());
            body.statement("$N = $N.call(r, $N$L)", target, site, target, arguments);
        } else if (step instanceof ASTIndex) {
            String key = value(step.jjtGetChild(0));
            String site = body.sites.add("index", "get", step.getLine(), step.getColumn());
            body.statement("$N = $N.index($N, $N)", target, site, target, key);
        } else {
            throw BodyCompiler.unsupported(step, "this reference part (" + step.getClass().getSimpleName() + ")");
        }
    }

    /** {@code #set(<reference> = value)}: a variable, or a property or index of what the reference reaches. */
    void assign(ASTReference reference, String value) throws VtlCompileException {
        String root = body.variable(reference.getRootString());
        int n = reference.jjtGetNumChildren();
        if (n == 0) {
            body.statement("$N = $N", root, value);
            return;
        }
        String label = body.temp("assignment");
        String target = body.temp("target");
        body.emit("$N: {\n$>", label);
        body.statement("Object $N = $N", target, root);
        for (int i = 0; i < n; i++) {
            // Velocity gives up silently when the reference cannot be followed to its last part.
            body.statement("if ($N == null) break $N", target, label);
            Node step = reference.jjtGetChild(i);
            if (i < n - 1) {
                step(step, target);
            } else if (step instanceof ASTIndex) {
                String key = value(step.jjtGetChild(0));
                String site = body.sites.add("set_index", "set", step.getLine(), step.getColumn());
                body.statement("$N.setIndex($N, $N, $N)", site, target, key, value);
            } else {
                String site = body.sites.add("set", step.getFirstTokenImage(), step.getLine(), step.getColumn());
                body.statement("$N.setProperty(r, $N, $N)", site, target, value);
            }
        }
        body.emit("$<}\n");
    }

    /** A string literal: constant text, or the interpolated text rendered into its own builder. */
    private String string(ASTStringLiteral literal) throws VtlCompileException {
        if (!NodeFields.flag(literal, "interpolate")) {
            return constant("$S", NodeFields.text(literal, "image"));
        }
        Node tree = (Node) NodeFields.read(literal, "nodeTree");
        String builder = body.temp("literal");
        body.statement("$T $N = new $T()", StringBuilder.class, builder, StringBuilder.class);
        String enclosing = body.out;
        body.flush();
        body.out = builder;
        boolean ended = body.statements(tree);
        body.flush();
        body.out = enclosing;
        if (ended) {
            throw BodyCompiler.unsupported(literal, "#break or #stop inside a string literal");
        }
        return result("$N.toString()", builder);
    }

    private String number(Node node) throws VtlCompileException {
        Object value = node.value(null);
        if (value instanceof Integer i) {
            return constant("$T.valueOf($L)", Integer.class, i);
        }
        if (value instanceof Long l) {
            return constant("$T.valueOf($LL)", Long.class, l);
        }
        if (value instanceof BigInteger b) {
            return result("new $T($S)", BigInteger.class, b.toString());
        }
        if (value instanceof Double d) {
            return constant("$T.valueOf($L)", Double.class, Double.toString(d));
        }
        if (value instanceof BigDecimal d) {
            return result("new $T($S)", BigDecimal.class, d.toString());
        }
        throw BodyCompiler.unsupported(node, "the number " + NodeFields.literal(node));
    }

    /** A constant expression: a fresh local all the same, so every value has a name. */
    private String constant(String format, Object... args) {
        return result(format, args);
    }

    private String result(String format, Object... args) {
        String name = body.temp("value");
        body.statement("Object $N = " + format, prepend(name, args));
        return name;
    }

    private String test(String format, Object... args) {
        String name = body.temp("test");
        body.statement("boolean $N = " + format, prepend(name, args));
        return name;
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
