package dev.turnpike.runtime.integration;

import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.model.IntegrationResponse;
import dev.turnpike.runtime.model.Operation;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every mapping template of an API, parsed once when the gateway is built, never per request. The build already
 * parsed each one, so a failure here means the generated code and the runtime disagree: the gateway does not start.
 */
final class PreparedTemplates {

    /** A prepared template by content type, in the definition's order. */
    record ByContentType(Map<String, Template> templates) {
    }

    /** {@code $input}, {@code $!input}, {@code ${input}}: a template that may read the payload. */
    private static final Pattern INPUT = Pattern.compile("\\$!?\\{?input\\b");

    private final Map<Map<String, String>, ByContentType> prepared = new IdentityHashMap<>();
    private final Map<Integration, Boolean> readsInput = new IdentityHashMap<>();

    PreparedTemplates(GeneratedApi api) {
        for (Operation operation : api.operations()) {
            Integration integration = operation.integration();
            readsInput.put(integration, templatesReadInput(integration));
            prepare(integration.requestTemplates(), operation + " request template");
            for (IntegrationResponse response : integration.responses()) {
                prepare(response.responseTemplates(), operation + " response " + response.statusCode() + " template");
            }
        }
    }

    private void prepare(Map<String, String> templates, String name) {
        if (templates.isEmpty() || prepared.containsKey(templates)) {
            return;
        }
        Map<String, Template> parsed = new LinkedHashMap<>();
        templates.forEach((contentType, source) -> parsed.put(contentType, Template.parse(source,
                name + " for " + contentType)));
        prepared.put(templates, new ByContentType(parsed));
    }

    /**
     * Whether a template of the integration may read {@code $input}: a MOCK integration whose templates do not
     * answers without reading the request body.
     */
    boolean readInput(Integration integration) {
        Boolean reads = readsInput.get(integration);
        return reads != null ? reads : templatesReadInput(integration);
    }

    private static boolean templatesReadInput(Integration integration) {
        return integration.requestTemplates().values().stream().anyMatch(t -> INPUT.matcher(t).find())
                || integration.responses().stream().flatMap(r -> r.responseTemplates().values().stream())
                        .anyMatch(t -> INPUT.matcher(t).find());
    }

    /**
     * The prepared form of a {@code requestTemplates} or {@code responseTemplates} map of the API; a map the gateway
     * was not built with (a test's hand-made operation) is prepared now.
     */
    Template get(Map<String, String> templates, String contentType, String name) {
        ByContentType found = prepared.get(templates);
        if (found != null) {
            return found.templates().get(contentType);
        }
        return Template.parse(templates.get(contentType), name);
    }
}
