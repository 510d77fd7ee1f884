package dev.turnpike.codegen.check;

import dev.turnpike.runtime.template.MappingTemplate;
import dev.turnpike.runtime.template.TemplateException;

/** Parses a mapping template with the runtime's own parser: the reason it fails, with line and column, or null. */
final class TemplateParsing {

    private TemplateParsing() {
    }

    static String problem(String source) {
        try {
            MappingTemplate.parse(source, "template");
            return null;
        } catch (TemplateException e) {
            return "line " + e.line() + ", column " + e.column() + ": " + e.reason();
        }
    }
}
