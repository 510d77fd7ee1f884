package dev.turnpike.runtime.template;

import org.apache.velocity.runtime.parser.node.SimpleNode;

/**
 * The syntax tree the reference engine renders from, for the build-time compiler: parsed and initialised with the
 * engine's own configuration, so whitespace handling and the nodes' settings are exactly those the interpreter uses.
 * Not for the request path.
 */
public final class TemplateSyntax {

    private TemplateSyntax() {
    }

    /**
     * @throws TemplateException as {@link MappingTemplate#parse(String, String)}: syntax errors and refused
     *     directives, with line:column
     */
    public static SimpleNode parse(String source, String name) throws TemplateException {
        return (SimpleNode) ReferenceEngine.parse(source, name).getData();
    }
}
