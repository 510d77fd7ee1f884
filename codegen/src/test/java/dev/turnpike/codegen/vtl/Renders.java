package dev.turnpike.codegen.vtl;

import dev.turnpike.runtime.template.MappingTemplate;
import dev.turnpike.runtime.template.TemplateContext;
import dev.turnpike.runtime.template.TemplateException;
import dev.turnpike.runtime.template.TemplateOverrides;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** What one render gives, as one comparable text: the output and the overrides, or the failure. */
final class Renders {

    private Renders() {
    }

    /**
     * Renders {@code template} on a context from {@code context} with fresh overrides; a failure is described by its
     * status and message (template line:column included), so a compiled class and the engine must fail alike.
     */
    static String outcome(MappingTemplate template, Supplier<TemplateContext.Builder> context) {
        TemplateOverrides overrides = new TemplateOverrides();
        try {
            String output = template.render(context.get().overrides(overrides).build());
            return "output: " + output + "\noverrides: " + describe(overrides);
        } catch (TemplateException e) {
            return "failure " + e.status() + ": line " + e.line() + ", column " + e.column() + ": " + e.reason()
                    + " / " + e.clientMessage();
        } catch (RuntimeException e) {
            return "threw " + e.getClass().getName() + ": " + e.getMessage();
        }
    }

    static String describe(TemplateOverrides overrides) {
        return overrides.toString();
    }

    /** A request-phase context with a body and a few parameters of each kind. */
    static Supplier<TemplateContext.Builder> request(String body, Map<String, Object> context) {
        return () -> TemplateContext.builder()
                .body(body)
                .pathParameters(Map.of("id", "42", "name", "a b"))
                .queryParameters(Map.of("q", List.of("x", "y"), "limit", List.of("10")))
                .headers(Map.of("Accept", List.of("application/json"), "X-Trace", List.of("t-1")))
                .stageVariables(Map.of("version", "v1", "backend", "example.com"))
                .context(context);
    }
}
