package dev.turnpike.runtime.template;

import org.apache.velocity.runtime.directive.ForeachScope;

/**
 * {@code $foreach} of a compiled {@code #foreach}: the same class Velocity's own loop provides (so the sandbox and
 * the property rules treat it alike), advanced by the generated loop instead of the directive.
 */
public final class LoopScope extends ForeachScope {

    private static final long serialVersionUID = 1L;

    /** @param replaces the value {@code $foreach} had before the loop (an enclosing loop's scope, or null) */
    public LoopScope(Object replaces) {
        super(LoopScope.class, replaces);
    }

    /** One more element was taken from the iterator; {@code more} is whether another follows. */
    public void advance(boolean more) {
        index++;
        hasNext = more;
    }
}
