package dev.turnpike.runtime.template;

import java.io.StringReader;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.velocity.Template;
import org.apache.velocity.exception.ParseErrorException;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.RuntimeInstance;
import org.apache.velocity.runtime.parser.ParseException;
import org.apache.velocity.runtime.parser.Token;
import org.apache.velocity.runtime.parser.node.ASTDirective;
import org.apache.velocity.runtime.parser.node.Node;
import org.apache.velocity.runtime.parser.node.SimpleNode;

/**
 * The one Velocity 2.4 runtime behind every {@link MappingTemplate}, configured to behave like the Velocity 1.7
 * API Gateway runs (SEMANTICS.md §1, §12) and locked down: the {@link SandboxUberspector} is its only
 * introspector, it loads no resources, and {@code #parse}, {@code #include} and {@code #evaluate} are refused at
 * parse time.
 */
final class ReferenceEngine {

    static final RuntimeInstance RUNTIME = create();

    private static final AtomicLong NAMES = new AtomicLong();

    private ReferenceEngine() {
    }

    private static RuntimeInstance create() {
        Properties p = new Properties();
        // Velocity 1.7 behaviours AWS has (SEMANTICS.md §12).
        p.setProperty(RuntimeConstants.PARSER_HYPHEN_ALLOWED, "true");
        p.setProperty(RuntimeConstants.CHECK_EMPTY_OBJECTS, "false");
        p.setProperty(RuntimeConstants.SPACE_GOBBLING, "bc");
        p.setProperty("velocimacro.enable_bc_mode", "true");
        p.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "false");
        // Null and undefined act as "" everywhere: the handler must also see quiet, null and tested references.
        p.setProperty(RuntimeConstants.EVENTHANDLER_INVALIDREFERENCES_QUIET, "true");
        p.setProperty(RuntimeConstants.EVENTHANDLER_INVALIDREFERENCES_NULL, "true");
        p.setProperty(RuntimeConstants.EVENTHANDLER_INVALIDREFERENCES_TESTED, "true");
        p.setProperty(RuntimeConstants.RUNTIME_LOG_REFERENCE_LOG_INVALID, "false");
        p.setProperty(RuntimeConstants.RUNTIME_LOG_METHOD_CALL_LOG_INVALID, "false");
        // Sandbox and bounds.
        p.setProperty(RuntimeConstants.UBERSPECT_CLASSNAME, SandboxUberspector.class.getName());
        p.setProperty(RuntimeConstants.RESOURCE_LOADERS, "none");
        p.setProperty("resource.loader.none.class", NoResources.class.getName());
        p.setProperty(RuntimeConstants.IMMUTABLE_RANGES, "true");
        p.setProperty(RuntimeConstants.VM_MAX_DEPTH, "20");
        p.setProperty(RuntimeConstants.VM_PERM_INLINE_LOCAL, "true");
        RuntimeInstance runtime = new RuntimeInstance();
        runtime.init(p);
        return runtime;
    }

    /** Parses a template; the internal name is unique so inline macros stay local to their template. */
    static Template parse(String source, String name) throws TemplateException {
        Template template = new Template();
        template.setName("mapping-template-" + NAMES.incrementAndGet());
        template.setRuntimeServices(RUNTIME);
        SimpleNode root;
        try {
            root = RUNTIME.parse(new StringReader(source), template);
        } catch (ParseException e) {
            int line = e.currentToken == null || e.currentToken.next == null ? 0 : e.currentToken.next.beginLine;
            int column = e.currentToken == null || e.currentToken.next == null ? 0
                    : e.currentToken.next.beginColumn;
            throw new TemplateException(name, line, column, parseReason(e.getMessage()), e);
        } catch (ParseErrorException e) {
            throw new TemplateException(name, e.getLineNumber(), e.getColumnNumber(), parseReason(e.getMessage()), e);
        } catch (StackOverflowError e) {
            throw new TemplateException(name, 0, 0, "the template is nested too deeply", null);
        }
        refuseResourceDirectives(root, name);
        template.setData(root);
        try {
            template.initDocument();
        } catch (ParseErrorException e) {
            throw new TemplateException(name, e.getLineNumber(), e.getColumnNumber(), parseReason(e.getMessage()), e);
        } catch (RuntimeException e) {
            throw new TemplateException(name, 0, 0, String.valueOf(e.getMessage()), e);
        }
        return template;
    }

    private static void refuseResourceDirectives(Node node, String name) throws TemplateException {
        if (node instanceof ASTDirective directive) {
            String directiveName = directive.getDirectiveName();
            if (directiveName.equals("parse") || directiveName.equals("include")
                    || directiveName.equals("evaluate")) {
                // The directive's first tokens may be the whitespace before its '#'.
                Token token = node.getFirstToken();
                while (token.next != null && (token.image == null || token.image.indexOf('#') < 0)) {
                    token = token.next;
                }
                int hash = token.image == null ? 0 : Math.max(token.image.indexOf('#'), 0);
                throw new TemplateException(name, token.beginLine, token.beginColumn + hash,
                        "#" + directiveName + " is not supported in mapping templates", null);
            }
        }
        for (int i = 0; i < node.jjtGetNumChildren(); i++) {
            refuseResourceDirectives(node.jjtGetChild(i), name);
        }
    }

    /** Velocity's first message line without its own "at name[line, column]" suffix. */
    static String parseReason(String message) {
        if (message == null) {
            return "syntax error";
        }
        String first = message.lines().findFirst().orElse(message).trim();
        first = first.replaceAll(" at mapping-template-\\d+\\[line \\d+, column \\d+\\]\\.?", "");
        first = first.replaceAll(" at line \\d+, column \\d+\\.?", "");
        first = first.replaceAll("\\.$", "");
        if (first.startsWith("Encountered \"\\u001c\"") || first.startsWith("Encountered \"<EOF>\"")) {
            return "unexpected end of template";
        }
        return first.replaceAll("^Encountered ", "unexpected ");
    }
}
