package dev.turnpike.codegen.vtl;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.NameAllocator;
import dev.turnpike.runtime.template.LoopScope;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.velocity.runtime.directive.RuntimeMacro;
import org.apache.velocity.runtime.parser.node.ASTBlock;
import org.apache.velocity.runtime.parser.node.ASTComment;
import org.apache.velocity.runtime.parser.node.ASTDirective;
import org.apache.velocity.runtime.parser.node.ASTElseIfStatement;
import org.apache.velocity.runtime.parser.node.ASTEscape;
import org.apache.velocity.runtime.parser.node.ASTEscapedDirective;
import org.apache.velocity.runtime.parser.node.ASTIfStatement;
import org.apache.velocity.runtime.parser.node.ASTReference;
import org.apache.velocity.runtime.parser.node.ASTSetDirective;
import org.apache.velocity.runtime.parser.node.ASTText;
import org.apache.velocity.runtime.parser.node.ASTTextblock;
import org.apache.velocity.runtime.parser.node.Node;

/**
 * Turns the statements of a template (text, references, {@code #set}, {@code #if}, {@code #foreach},
 * {@code #break}, {@code #stop}) into the body of the generated {@code render} method, printing exactly the text
 * and whitespace the interpreter prints in space-gobbling {@code bc} mode. Expressions go to
 * {@link ExpressionCompiler}.
 */
final class BodyCompiler {

    /** The variables every render starts with; {@code CompiledRender} has a method for each. */
    private static final Set<String> BUILT_INS = Set.of("input", "util", "context", "stageVariables", "method");

    final CallSites sites;
    final ExpressionCompiler expressions;
    private final NameAllocator locals = new NameAllocator();
    /** VTL variable name to Java local, in order of first use. */
    private final Map<String, String> variables = new LinkedHashMap<>();
    /** Labels of the enclosing {@code #foreach} loops, innermost first. */
    private final Deque<String> loops = new ArrayDeque<>();
    CodeBlock.Builder code = CodeBlock.builder();
    /** Where text goes now: the render's output, or a string literal's own builder. */
    String out = "out";
    private final StringBuilder pendingText = new StringBuilder();
    private int temps;
    /** Statements written so far, to refuse a template whose method javac would find too large. */
    int statementCount;

    BodyCompiler(CallSites sites) {
        this.sites = sites;
        this.expressions = new ExpressionCompiler(this);
        locals.newName("r");
        locals.newName("out");
    }

    /** The whole method body for the template whose initialised root node is {@code root}. */
    CodeBlock compile(Node root) throws VtlCompileException {
        statements(root);
        flush();
        CodeBlock body = code.build();
        CodeBlock.Builder method = CodeBlock.builder();
        method.addStatement("$T out = r.output()", StringBuilder.class);
        for (Map.Entry<String, String> v : variables.entrySet()) {
            if (BUILT_INS.contains(v.getKey())) {
                method.addStatement("Object $N = r.$N()", v.getValue(), v.getKey());
            } else {
                method.addStatement("Object $N = null", v.getValue());
            }
        }
        return method.add(body).build();
    }

    /** The Java local holding VTL variable {@code $name}. */
    String variable(String name) {
        return variables.computeIfAbsent(name, n -> locals.newName("v_" + n));
    }

    String temp(String prefix) {
        return prefix + (++temps);
    }

    /** Adds code after any text waiting to be printed. */
    void emit(String format, Object... args) {
        flush();
        code.add(format, args);
    }

    void statement(String format, Object... args) {
        statementCount++;
        flush();
        code.addStatement(format, args);
    }

    void text(String text) {
        pendingText.append(text);
    }

    /** Prints the text collected so far as one call. */
    void flush() {
        if (pendingText.length() > 0) {
            statementCount++;
            code.addStatement("r.text($N, $S)", out, pendingText.toString());
            pendingText.setLength(0);
        }
    }

    /**
     * The children of {@code parent}, in order.
     *
     * @return whether they end with {@code #break} or {@code #stop}: nothing after it in this block runs
     */
    boolean statements(Node parent) throws VtlCompileException {
        for (int i = 0; i < parent.jjtGetNumChildren(); i++) {
            if (statement(parent.jjtGetChild(i))) {
                return true;
            }
        }
        return false;
    }

    private boolean statement(Node node) throws VtlCompileException {
        if (node instanceof ASTText || node instanceof ASTComment || node instanceof ASTTextblock
                || node instanceof ASTEscape || node instanceof ASTEscapedDirective) {
            text(NodeFields.staticOutput(node));
            return false;
        }
        if (node instanceof ASTReference reference) {
            render(reference);
            return false;
        }
        if (node instanceof ASTSetDirective set) {
            set(set);
            return false;
        }
        if (node instanceof ASTIfStatement conditional) {
            return conditional(conditional);
        }
        if (node instanceof ASTDirective directive) {
            return directive(directive);
        }
        throw unsupported(node, "this construct (" + node.getClass().getSimpleName() + ")");
    }

    /** {@code $x...} printed: the interpreter's prefixes, then the value as the AWS reference handler prints it. */
    private void render(ASTReference reference) throws VtlCompileException {
        if (NodeFields.number(reference, "referenceType") == 4) { // RUNT: a lone '$', printed as is
            text(NodeFields.staticOutput(reference));
            return;
        }
        comment(reference);
        String value = expressions.reference(reference);
        if (NodeFields.flag(reference, "escaped")) {
            // The reference still runs (its calls may have effects); a value is never null here, so Velocity
            // prints the escape prefix and the reference's own text.
            text(NodeFields.text(reference, "escPrefix") + NodeFields.text(reference, "nullString"));
            return;
        }
        statement("r.insert($N, $S, $N)", out,
                NodeFields.text(reference, "escPrefix") + NodeFields.text(reference, "morePrefix"), value);
    }

    private void set(ASTSetDirective set) throws VtlCompileException {
        comment(set);
        String morePrefix = NodeFields.text(set, "morePrefix");
        text(set.getPrefix() + morePrefix);
        String value = expressions.value(set.jjtGetChild(1));
        if (!morePrefix.isEmpty()) {
            text(set.getPostfix());
        }
        expressions.assign((ASTReference) set.jjtGetChild(0), value);
    }

    /** @return whether every branch ends with {@code #break} or {@code #stop} (then nothing after it runs) */
    private boolean conditional(ASTIfStatement conditional) throws VtlCompileException {
        comment(conditional);
        String morePrefix = NodeFields.text(conditional, "morePrefix");
        text(conditional.getPrefix() + morePrefix);
        String test = expressions.condition(conditional.jjtGetChild(0));
        emit("if ($L) {\n$>", test);
        boolean everyBranchEnds = block(conditional.jjtGetChild(1));
        boolean hasElse = false;
        int closing = 1;
        for (int i = 2; i < conditional.jjtGetNumChildren(); i++) {
            Node branch = conditional.jjtGetChild(i);
            emit("$<} else {\n$>");
            if (branch instanceof ASTElseIfStatement) {
                String elseTest = expressions.condition(branch.jjtGetChild(0));
                emit("if ($L) {\n$>", elseTest);
                everyBranchEnds &= block(branch.jjtGetChild(1));
                closing++;
            } else {
                everyBranchEnds &= block(branch.jjtGetChild(0));
                hasElse = true;
            }
        }
        for (int i = 0; i < closing; i++) {
            emit("$<}\n");
        }
        if (everyBranchEnds && hasElse) {
            return true;
        }
        if (!morePrefix.isEmpty()) {
            text(conditional.getPostfix());
        }
        return false;
    }

    /** An {@code #if}, {@code #else} or loop body: its children, then the whitespace Velocity keeps after them. */
    private boolean block(Node block) throws VtlCompileException {
        boolean ended = statements(block);
        if (!ended && block instanceof ASTBlock) {
            text(NodeFields.text(block, "postfix") + NodeFields.text(block, "morePostfix"));
        }
        flush();
        return ended;
    }

    private boolean directive(ASTDirective directive) throws VtlCompileException {
        if (!NodeFields.flag(directive, "isDirective")) { // an unknown '#name': Velocity prints it as text
            text(NodeFields.staticOutput(directive));
            return false;
        }
        comment(directive);
        String morePrefix = NodeFields.text(directive, "morePrefix");
        text(directive.getPrefix() + morePrefix);
        switch (directive.getDirectiveName()) {
            case "foreach" -> loop(directive);
            case "break" -> {
                breakLoop(directive);
                return true;
            }
            case "stop" -> {
                if (directive.jjtGetNumChildren() > 0) {
                    expressions.value(directive.jjtGetChild(0));
                }
                statement("throw r.stop()");
                return true;
            }
            default -> {
                // A call of a macro that does not exist (#macro is not compiled, so none does), like the '#n' in
                // a DynamoDB expression: Velocity prints the call as written.
                Object implementation = NodeFields.read(directive, "directive");
                if (!(implementation instanceof RuntimeMacro)) {
                    throw unsupported(directive, "#" + directive.getDirectiveName());
                }
                text(NodeFields.call(implementation, "getLiteral"));
            }
        }
        if (!morePrefix.isEmpty()) {
            text(directive.getPostfix());
        }
        return false;
    }

    private void loop(ASTDirective directive) throws VtlCompileException {
        int n = directive.jjtGetNumChildren();
        Node body = directive.jjtGetChild(n - 1);
        Node otherwise = null;
        if (directive.jjtGetChild(n - 2) instanceof ASTBlock) {
            otherwise = body;
            body = directive.jjtGetChild(n - 2);
        }
        if (!(directive.jjtGetChild(0) instanceof ASTReference element)) {
            throw unsupported(directive, "a #foreach whose variable is not a reference");
        }
        String item = variable(element.getRootString());
        String scope = variable("foreach");
        String iterable = expressions.value(directive.jjtGetChild(2));
        String site = sites.add("loop", element.getRootString(), directive.getLine(), directive.getColumn());
        String iterator = temp("iterator");
        String label = temp("loop");
        String savedItem = temp("savedItem");
        String savedScope = temp("savedScope");
        String loopScope = temp("scope");
        statement("$T<?> $N = $N.iterator(r, $N)", Iterator.class, iterator, site, iterable);
        emit("if ($N != null && $N.hasNext()) {\n$>", iterator, iterator);
        statement("Object $N = $N", savedItem, item);
        statement("Object $N = $N", savedScope, scope);
        statement("$T $N = new $T($N)", LoopScope.class, loopScope, LoopScope.class, savedScope);
        statement("$N = $N", scope, loopScope);
        emit("$N: while ($N.hasNext()) {\n$>", label, iterator);
        statement("$N = $N.next()", item, iterator);
        statement("$N.advance($N.hasNext())", loopScope, iterator);
        loops.push(label);
        block(body);
        loops.pop();
        emit("$<}\n");
        statement("$N = $N", item, savedItem);
        statement("$N = $N", scope, savedScope);
        if (otherwise != null) {
            emit("$<} else {\n$>");
            block(otherwise);
        }
        emit("$<}\n");
    }

    /** {@code #break}: ends the innermost loop, or the whole render outside any loop (as Velocity does). */
    private void breakLoop(ASTDirective directive) throws VtlCompileException {
        if (directive.jjtGetNumChildren() > 0) {
            Node argument = directive.jjtGetChild(0);
            if (!(argument instanceof ASTReference scope) || !scope.getRootString().equals("foreach")
                    || scope.jjtGetNumChildren() > 0 || loops.isEmpty()) {
                throw unsupported(directive, "#break with an argument other than $foreach inside a loop");
            }
        }
        if (loops.isEmpty()) {
            statement("throw r.stop()");
        } else {
            statement("break $N", loops.peek());
        }
    }

    /** A comment naming the template position a statement comes from. */
    private void comment(Node node) {
        String literal = node instanceof ASTIfStatement ? "#if"
                : node instanceof ASTDirective directive ? "#" + directive.getDirectiveName()
                : NodeFields.literal(node);
        String first = literal.lines().findFirst().orElse("").strip();
        if (first.length() > 60) {
            first = first.substring(0, 57) + "...";
        }
        emit("// line $L, column $L: $L\n", node.getLine(), node.getColumn(), VtlCompiler.commentSafe(first));
    }

    /** Breaks out of the innermost loop from inside an expression (a string literal): not compiled. */
    boolean insideLoop() {
        return !loops.isEmpty();
    }

    static VtlCompileException unsupported(Node node, String what) {
        // A directive that starts a line begins, for Velocity, with the indentation before its '#'.
        int column = node.getColumn() + (node instanceof ASTDirective directive
                ? directive.getPrefix().length() + NodeFields.text(directive, "morePrefix").length() : 0);
        return new VtlCompileException(node.getLine(), column, what + " is not supported by the template compiler");
    }
}
