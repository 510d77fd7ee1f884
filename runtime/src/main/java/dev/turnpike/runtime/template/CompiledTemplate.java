package dev.turnpike.runtime.template;

/**
 * A mapping template compiled to Java at build time (codegen's {@code dev.turnpike.codegen.vtl}). It renders exactly
 * what the Velocity reference engine renders for the same source and the same runtime objects, without parsing or
 * interpreting anything on the request path. Generated classes implement it; {@link MappingTemplate#compiled} wraps
 * one so callers see no difference.
 */
public interface CompiledTemplate {

    /** The template text the class was compiled from. */
    String source();

    /** Writes one render's output through {@code render}; failures carry the template line:column. */
    void render(CompiledRender render);
}
