package dev.turnpike.codegen.vtl;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Field;
import org.apache.velocity.runtime.parser.node.Node;

/**
 * Reads what Velocity's initialised nodes decided at parse time but keep private: the whitespace a directive keeps
 * around it, a reference's escape prefix, a string literal's parsed interpolation. The compiler needs exactly those
 * values to print what the interpreter prints; reading them here (at build time only) avoids re-deriving Velocity's
 * whitespace rules.
 */
final class NodeFields {

    private NodeFields() {
    }

    /** A field of the node's class or a superclass. */
    static Object read(Node node, String name) {
        for (Class<?> type = node.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(node);
            } catch (NoSuchFieldException e) {
                // declared higher up
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + type.getName() + "." + name, e);
            }
        }
        throw new IllegalStateException(node.getClass().getName() + " has no field " + name);
    }

    static String text(Node node, String name) {
        Object value = read(node, name);
        return value == null ? "" : value.toString();
    }

    static boolean flag(Node node, String name) {
        return (Boolean) read(node, name);
    }

    static int number(Node node, String name) {
        return (Integer) read(node, name);
    }

    /**
     * What a node that does not look at its context renders (text, comments, escapes, unknown directives): the
     * interpreter's own output for it, computed once at build time.
     */
    static String staticOutput(Node node) {
        StringWriter out = new StringWriter();
        try {
            node.render(null, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /** The node's source text as Velocity gives it, or "" where Velocity kept no tokens to give it from. */
    static String literal(Node node) {
        try {
            String literal = node.literal();
            return literal == null ? "" : literal;
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** A no-argument method of the object's class that Velocity keeps private, returning text. */
    static String call(Object target, String method) {
        try {
            java.lang.reflect.Method m = target.getClass().getDeclaredMethod(method);
            m.setAccessible(true);
            return String.valueOf(m.invoke(target));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call " + target.getClass().getName() + "." + method, e);
        }
    }
}
