package dev.turnpike.runtime.template;

import org.apache.velocity.util.introspection.Info;

/**
 * What the current render has used of its {@link RenderLimits}. The Velocity hooks (uberspector, event handlers,
 * writer) find it through a thread-local: a render runs on one thread from start to end.
 */
final class RenderBudget {

    private static final ThreadLocal<RenderBudget> CURRENT = new ThreadLocal<>();

    final RenderLimits limits;
    private final long deadline;
    private long produced;
    private long iterations;
    private int steps;
    /** The last template position a metered call reported, for failures found where Velocity gives none. */
    private Info lastWhere;

    private RenderBudget(RenderLimits limits) {
        this.limits = limits;
        this.deadline = System.nanoTime() + limits.maxTime().toNanos();
    }

    /** Starts metering a render on this thread; returns the budget of an enclosing render, if any. */
    static RenderBudget start(RenderLimits limits) {
        RenderBudget enclosing = CURRENT.get();
        CURRENT.set(new RenderBudget(limits));
        return enclosing;
    }

    static void end(RenderBudget enclosing) {
        // Set to null rather than removed: a removal makes the next render's set rebuild the thread's entry and
        // sweep stale ones (measured at 1-2 % of a compiled render). A null value holds no class loader.
        CURRENT.set(enclosing);
    }

    /** The budget of the render running on this thread. */
    static RenderBudget current() {
        RenderBudget budget = CURRENT.get();
        if (budget == null) {
            throw new IllegalStateException("no mapping template render is running on this thread");
        }
        return budget;
    }

    void produced(long chars, Info where) {
        produced += chars;
        if (produced > limits.maxProducedChars()) {
            throw new RenderFailure("the template produced more than " + limits.maxProducedChars()
                    + " characters", where == null ? lastWhere : where);
        }
        tick(where);
    }

    void iteration(Info where) {
        if (++iterations > limits.maxIterations()) {
            throw new RenderFailure("more than " + limits.maxIterations() + " #foreach iterations", where);
        }
        tick(where);
    }

    void checkSize(Object value, Info where) {
        int size;
        int max;
        if (value instanceof CharSequence s) {
            size = s.length();
            max = limits.maxStringChars();
        } else if (value instanceof java.util.Collection<?> c) {
            size = c.size();
            max = limits.maxElements();
        } else if (value instanceof java.util.Map<?, ?> m) {
            size = m.size();
            max = limits.maxElements();
        } else {
            return;
        }
        if (size > max) {
            throw new RenderFailure("a value of more than " + max
                    + (value instanceof CharSequence ? " characters" : " elements"), where);
        }
    }

    /** Checks the clock; cheap enough for every step (the clock is read every 64th call). */
    void tick(Info where) {
        if (where != null) {
            lastWhere = where;
        }
        if ((++steps & 63) == 0 && System.nanoTime() - deadline > 0) {
            throw new RenderFailure("the render took longer than " + limits.maxTime().toMillis() + " ms",
                    where);
        }
    }

    /** Where the render last was, as far as the metered calls know; may be null. */
    Info lastWhere() {
        return lastWhere;
    }

    /** A render failed: past one of its limits, or a call threw. Carries the template position. */
    static final class RenderFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        final int line;
        final int column;

        RenderFailure(String message, Info where) {
            this(message, where, null);
        }

        RenderFailure(String message, Info where, Throwable cause) {
            super(message, cause, false, false);
            this.line = where == null ? 0 : where.getLine();
            this.column = where == null ? 0 : where.getColumn();
        }
    }
}
