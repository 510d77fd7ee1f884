package dev.turnpike.runtime.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.velocity.runtime.parser.node.ASTIntegerRange;
import org.apache.velocity.runtime.parser.node.MathUtils;
import org.apache.velocity.util.DuckType;

/**
 * Velocity's rules for values, as its expression nodes apply them (with the reference engine's configuration:
 * not strict, no empty check): truth, equality, ordering, arithmetic and the literals that build values. Compiled
 * templates call these where the interpreter would evaluate a node, so both agree on every type.
 */
public final class VelocityRules {

    private VelocityRules() {
    }

    /** {@code #if($x)}: null and false are false, a Boolean-like value decides, anything else is true. */
    public static boolean truthy(Object value) {
        return value != null && DuckType.asBoolean(value, false);
    }

    /** {@code ==}. */
    public static boolean equal(Object left, Object right) {
        if (left == null || right == null) {
            return left == right || DuckType.asNull(left == null ? right : left);
        }
        Integer order = numberOrder(left, right);
        if (order != null) {
            return order == 0;
        }
        if (left.getClass().isAssignableFrom(right.getClass()) || right.getClass().isAssignableFrom(left.getClass())) {
            return left.equals(right);
        }
        String l = DuckType.asString(left);
        String r = DuckType.asString(right);
        return l == r || l != null && l.equals(r);
    }

    /** {@code <}; false for anything that is not two numbers. */
    public static boolean less(Object left, Object right) {
        Integer order = left == null || right == null ? null : numberOrder(left, right);
        return order != null && order == -1;
    }

    /** {@code >}. */
    public static boolean greater(Object left, Object right) {
        Integer order = left == null || right == null ? null : numberOrder(left, right);
        return order != null && order == 1;
    }

    /** {@code <=}. */
    public static boolean lessOrEqual(Object left, Object right) {
        Integer order = left == null || right == null ? null : numberOrder(left, right);
        return order != null && order <= 0;
    }

    /** {@code >=}. */
    public static boolean greaterOrEqual(Object left, Object right) {
        Integer order = left == null || right == null ? null : numberOrder(left, right);
        return order != null && order >= 0;
    }

    /** The numeric order of two values that both read as numbers; null otherwise (or for two strings). */
    private static Integer numberOrder(Object left, Object right) {
        if (left instanceof String && right instanceof String) {
            return null;
        }
        Object l = number(left);
        Object r = number(right);
        if (l instanceof Number ln && r instanceof Number rn) {
            return MathUtils.compare(ln, rn);
        }
        return null;
    }

    private static Object number(Object value) {
        try {
            Number n = DuckType.asNumber(value);
            return n == null ? value : n;
        } catch (NumberFormatException e) {
            return value;
        }
    }

    /**
     * {@code +}: strings concatenate (a null side prints as its source text), numbers add with Velocity's widening.
     *
     * @param leftText the left operand's source text, printed when it is null and the other side is a string
     */
    public static Object add(Object left, Object right, String leftText, String rightText) {
        String l = DuckType.asString(left, false);
        String r = DuckType.asString(right, false);
        if (l != null || r != null) {
            if (l == null) {
                l = left != null ? left.toString() : leftText;
            } else if (r == null) {
                r = right != null ? right.toString() : rightText;
            }
            return l.concat(r);
        }
        return arithmetic('+', left, right);
    }

    /** {@code -}, {@code *}, {@code /}, {@code %}: null when a side is not a number or a divisor is zero. */
    public static Object arithmetic(char operator, Object left, Object right) {
        Object l = number(left);
        Object r = number(right);
        if (!(l instanceof Number ln) || !(r instanceof Number rn)) {
            return null;
        }
        return switch (operator) {
            case '+' -> MathUtils.add(ln, rn);
            case '-' -> MathUtils.subtract(ln, rn);
            case '*' -> MathUtils.multiply(ln, rn);
            case '/' -> MathUtils.isZero(rn) ? null : MathUtils.divide(ln, rn);
            case '%' -> MathUtils.isZero(rn) ? null : MathUtils.modulo(ln, rn);
            default -> throw new IllegalArgumentException("not an operator: " + operator);
        };
    }

    /** Unary {@code -}. */
    public static Object negate(Object value) {
        Object n = number(value);
        return n instanceof Number number ? MathUtils.negate(number) : null;
    }

    /** {@code [a..b]}: the same immutable range class the interpreter builds; null when a side is not a number. */
    public static Object range(Object left, Object right) {
        if (left == null || right == null) {
            return null;
        }
        Object l = number(left);
        Object r = number(right);
        if (!(l instanceof Number ln) || !(r instanceof Number rn)) {
            return null;
        }
        int from = ln.intValue();
        int to = rn.intValue();
        return new ASTIntegerRange.IntegerRange(from, to, from >= to ? -1 : 1);
    }

    /** {@code [a, b, c]}. */
    public static List<Object> list(Object... values) {
        List<Object> list = new ArrayList<>(values.length);
        for (Object v : values) {
            list.add(v);
        }
        return list;
    }

    /** {@code {k: v, ...}} from alternating keys and values. */
    public static Map<Object, Object> map(Object... keysAndValues) {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
