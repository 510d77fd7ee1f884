package dev.turnpike.runtime.template;

/**
 * One render of a {@link CompiledTemplate}: the standard variables, the bounded output and the
 * {@link RenderBudget}. The generated code writes text and references through it so that a compiled template
 * meets the same {@link RenderLimits} and prints values the way the reference engine's {@link AwsReferences} does.
 */
public final class CompiledRender {

    /** Thrown by {@code #stop} (and a {@code #break} outside any loop) to end the render with its output so far. */
    static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super(null, null, false, false);
        }
    }

    private static final Stop STOP = new Stop();

    private final StringBuilder output;
    private final int maxOutputChars;
    /** Handed to the {@link CallSite}s, so their metering needs no thread-local lookup. */
    final RenderBudget budget;
    private final TemplateContext templateContext;

    CompiledRender(TemplateContext templateContext, StringBuilder output, RenderBudget budget) {
        this.templateContext = templateContext;
        this.output = output;
        this.maxOutputChars = budget.limits.maxOutputChars();
        this.budget = budget;
    }

    // The standard variables are built when the template first reads them: the interpreter builds all five for
    // every render, a compiled template only those it names.

    /** {@code $input}. */
    public Object input() {
        return new InputVariable(templateContext, parameters(), true);
    }

    /** {@code $util}. */
    public Object util() {
        return UtilFunctions.INSTANCE;
    }

    /** {@code $context}. */
    public Object context() {
        return ContextVariables.pendingContext(templateContext);
    }

    /** {@code $stageVariables}. */
    public Object stageVariables() {
        return ContextVariables.stageVariables(templateContext);
    }

    /** {@code $method}. */
    public Object method() {
        return ContextVariables.method(parameters());
    }

    private RequestParameters parameters() {
        return templateContext.parameters();
    }

    /** The render's output; string literals being interpolated use their own builder. */
    public StringBuilder output() {
        return output;
    }

    /** Template text (and the whitespace Velocity keeps around directives). */
    public void text(StringBuilder out, String text) {
        if (out == output) {
            check(text.length());
        }
        out.append(text);
    }

    /**
     * A reference's value, printed as the reference engine does: null as nothing, anything else as its
     * {@code toString()}, metered as produced characters. {@code prefix} is text Velocity prints before it.
     */
    public void insert(StringBuilder out, String prefix, Object value) {
        String text = value == null ? "" : value instanceof String s ? s : String.valueOf(value);
        budget.produced(text.length(), null);
        if (out == output) {
            check(prefix.length() + text.length());
        }
        out.append(prefix).append(text);
    }

    /** Ends the render: {@code #stop}. */
    public RuntimeException stop() {
        throw STOP;
    }

    private void check(int more) {
        if (output.length() + (long) more > maxOutputChars) {
            throw new RenderBudget.RenderFailure("the output is longer than " + maxOutputChars + " characters",
                    budget.lastWhere());
        }
    }
}
