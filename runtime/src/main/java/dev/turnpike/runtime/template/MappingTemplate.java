package dev.turnpike.runtime.template;

import java.io.IOException;
import java.io.Writer;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.event.EventCartridge;
import org.apache.velocity.exception.MethodInvocationException;
import org.apache.velocity.exception.VelocityException;

/**
 * A parsed mapping template: parse once (at gateway start), render many times, thread-safe. Rendering is API
 * Gateway's VTL (SEMANTICS.md) on the reference engine, inside the sandbox and the {@link RenderLimits}.
 */
public final class MappingTemplate {

    private static final Pattern VELOCITY_POSITION =
            Pattern.compile(" at mapping-template-\\d+\\[line (\\d+), column (\\d+)\\]");

    private final String source;
    private final String name;
    private final Template template;
    private final RenderLimits limits;
    /** The build's compiled form of the same source; null renders on the reference engine. */
    private final CompiledTemplate compiled;
    /**
     * Text with no reference ({@code $}) and no directive or comment ({@code #}) renders as itself: such templates
     * (a MOCK's {@code {"statusCode": 200}}, static bodies) skip the engine on every request.
     */
    private final boolean verbatim;

    private MappingTemplate(String source, String name, Template template, RenderLimits limits) {
        this(source, name, template, limits, null);
    }

    private MappingTemplate(String source, String name, Template template, RenderLimits limits,
            CompiledTemplate compiled) {
        this.compiled = compiled;
        this.verbatim = source.indexOf('$') < 0 && source.indexOf('#') < 0;
        this.source = source;
        this.name = name;
        this.template = template;
        this.limits = limits;
    }

    /**
     * @param name for messages, e.g.
     *     {@code "petstore.yaml #/paths/~1pets/get/x-amazon-apigateway-integration/requestTemplates/application~1json"}
     * @throws TemplateException when the template does not parse, or uses {@code #parse}, {@code #include} or
     *     {@code #evaluate}
     */
    public static MappingTemplate parse(String source, String name) throws TemplateException {
        return parse(source, name, RenderLimits.DEFAULT);
    }

    /**
     * The template as the gateway runs it: with the class the build compiled from this text when one is
     * registered ({@link CompiledTemplates}), else parsed for the reference engine.
     */
    public static MappingTemplate prepare(String source, String name) throws TemplateException {
        CompiledTemplate compiled = CompiledTemplates.forSource(source);
        return compiled != null ? compiled(compiled, name) : parse(source, name);
    }

    /** As {@link #parse(String, String)}, with other bounds. */
    public static MappingTemplate parse(String source, String name, RenderLimits limits) throws TemplateException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(limits, "limits");
        return new MappingTemplate(source, name, ReferenceEngine.parse(source, name), limits);
    }

    /**
     * A template the build compiled to Java: renders with {@code compiled}, never parsing or interpreting on the
     * request path. The reference engine is not involved beyond the sandbox's method lookups.
     */
    public static MappingTemplate compiled(CompiledTemplate compiled, String name) {
        return compiled(compiled, name, RenderLimits.DEFAULT);
    }

    /** As {@link #compiled(CompiledTemplate, String)}, with other bounds. */
    public static MappingTemplate compiled(CompiledTemplate compiled, String name, RenderLimits limits) {
        Objects.requireNonNull(compiled, "compiled");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(limits, "limits");
        return new MappingTemplate(compiled.source(), name, null, limits, compiled);
    }

    /** Whether this template renders with a class compiled at build time (else on the reference engine). */
    public boolean isCompiled() {
        return compiled != null;
    }

    /** Whether the template renders as its own text whatever the input: callers may skip building a context. */
    public boolean verbatim() {
        return verbatim;
    }

    /**
     * Renders; a failure at render time (AWS answers 500 then, or 400 for a broken JSON payload: see
     * {@link TemplateException#status()}) is a TemplateException with the template line:column.
     */
    public String render(TemplateContext context) throws TemplateException {
        Objects.requireNonNull(context, "context");
        if (verbatim) {
            return source;
        }
        return compiled != null ? renderedByCompiledClass(context) : renderedByEngine(context);
    }

    /** What the compiled class renders, within the same limits and with the same failures as the engine. */
    private String renderedByCompiledClass(TemplateContext context) throws TemplateException {
        StringBuilder out = new StringBuilder(Math.min(source.length() * 2, 1 << 16));
        RenderBudget enclosing = RenderBudget.start(limits);
        try {
            compiled.render(new CompiledRender(context, out, RenderBudget.current()));
            return out.toString();
        } catch (CompiledRender.Stop stop) {
            return out.toString();
        } catch (RenderBudget.RenderFailure e) {
            throw failure(e, e.line, e.column);
        } catch (StackOverflowError e) {
            throw new TemplateException(name, 0, 0, "the template recursed too deeply", null);
        } finally {
            RenderBudget.end(enclosing);
        }
    }

    /** What Velocity renders, whatever the text; {@link #render} skips it for text with nothing to render. */
    String renderedByEngine(TemplateContext context) throws TemplateException {
        StringBuilder out = new StringBuilder(Math.min(source.length() * 2, 1 << 16));
        RenderBudget enclosing = RenderBudget.start(limits);
        try {
            template.merge(variables(context), new BoundedWriter(out, limits.maxOutputChars()));
            return out.toString();
        } catch (RenderBudget.RenderFailure e) {
            throw failure(e, e.line, e.column);
        } catch (MethodInvocationException e) {
            throw failure(e, e.getLineNumber(), e.getColumnNumber());
        } catch (VelocityException e) {
            throw failure(e, 0, 0);
        } catch (StackOverflowError e) {
            throw new TemplateException(name, 0, 0, "the template recursed too deeply", null);
        } finally {
            RenderBudget.end(enclosing);
        }
    }

    /** The template text as given. */
    public String source() {
        return source;
    }

    /** The name given to {@link #parse}. */
    public String name() {
        return name;
    }

    private static VelocityContext variables(TemplateContext context) {
        RequestParameters parameters = context.parameters();
        VelocityContext variables = new VelocityContext();
        variables.put("input", new InputVariable(context, parameters));
        variables.put("util", UtilFunctions.INSTANCE);
        variables.put("context", ContextVariables.context(context));
        variables.put("stageVariables", ContextVariables.stageVariables(context));
        variables.put("method", ContextVariables.method(parameters));
        EventCartridge events = new EventCartridge();
        events.addEventHandler(new AwsReferences());
        events.attachToContext(variables);
        return variables;
    }

    private TemplateException failure(RuntimeException e, int line, int column) {
        RenderBudget.RenderFailure failure = null;
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof Payload.BadPayloadException bad) {
                return new TemplateException(name, line, column, "the payload is not valid JSON: " + bad.getMessage(),
                        400, bad.clientMessage(), e);
            }
            if (failure == null && t instanceof RenderBudget.RenderFailure f) {
                failure = f;
            }
        }
        if (failure != null) {
            return new TemplateException(name, line == 0 ? failure.line : line, column == 0 ? failure.column : column,
                    failure.getMessage(), e);
        }
        String reason = String.valueOf(e.getMessage());
        Matcher at = VELOCITY_POSITION.matcher(reason);
        if (line == 0 && at.find()) {
            line = Integer.parseInt(at.group(1));
            column = Integer.parseInt(at.group(2));
        }
        return new TemplateException(name, line, column, VELOCITY_POSITION.matcher(reason).replaceAll(""), e);
    }

    @Override
    public String toString() {
        return "MappingTemplate[" + name + "]";
    }

    /** The output, cut off with a failure at {@link RenderLimits#maxOutputChars()}. */
    private static final class BoundedWriter extends Writer {

        private final StringBuilder out;
        private final int max;

        BoundedWriter(StringBuilder out, int max) {
            this.out = out;
            this.max = max;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            check(length);
            out.append(chars, offset, length);
        }

        @Override
        public void write(String s, int offset, int length) {
            check(length);
            out.append(s, offset, offset + length);
        }

        @Override
        public void write(int c) {
            check(1);
            out.append((char) c);
        }

        private void check(int more) {
            if (out.length() + (long) more > max) {
                throw new RenderBudget.RenderFailure("the output is longer than " + max + " characters",
                        RenderBudget.current().lastWhere());
            }
        }

        @Override
        public void flush() throws IOException {
        }

        @Override
        public void close() throws IOException {
        }
    }
}
