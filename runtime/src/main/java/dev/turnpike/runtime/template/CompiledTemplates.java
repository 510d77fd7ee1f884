package dev.turnpike.runtime.template;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The template classes the build compiled, by template text. A generated API registers its classes when it is
 * loaded; {@link MappingTemplate#prepare} then renders those templates with their class instead of the reference
 * engine. A template with no class (one the user let the interpreter render, or a hand-written API's) is parsed as
 * before. The same text always renders the same, so a class registered by one API serves another with that text.
 */
public final class CompiledTemplates {

    private static final Map<String, CompiledTemplate> BY_SOURCE = new ConcurrentHashMap<>();

    private CompiledTemplates() {
    }

    /**
     * Called by generated code when its API class is loaded. The latest class for a text replaces an earlier one,
     * so that an API regenerated and reloaded in a new class loader ({@code turnpike:run}) lets the old one go.
     */
    public static void register(CompiledTemplate... templates) {
        for (CompiledTemplate template : templates) {
            BY_SOURCE.put(template.source(), template);
        }
    }

    /** The class compiled from exactly this text, or null. */
    static CompiledTemplate forSource(String source) {
        return BY_SOURCE.get(source);
    }
}
