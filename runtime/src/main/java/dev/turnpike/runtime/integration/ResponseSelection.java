package dev.turnpike.runtime.integration;

import dev.turnpike.runtime.model.IntegrationResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Chooses the integration response for a backend outcome: the first entry whose {@code selectionPattern} matches
 * the whole status code (for HTTP and MOCK) or error message (for Lambda), else the {@code default} entry.
 */
final class ResponseSelection {

    /** Patterns were checked at build time; each is compiled once per gateway. */
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private ResponseSelection() {
    }

    /**
     * The entry, or {@code null} when none matches and there is no default. A {@code null} outcome (a Lambda
     * function that did not fail) selects the default.
     */
    static IntegrationResponse select(List<IntegrationResponse> responses, String outcome) {
        IntegrationResponse fallback = null;
        for (IntegrationResponse response : responses) {
            if (response.isDefault()) {
                fallback = response;
            } else if (outcome != null && PATTERNS.computeIfAbsent(response.selectionPattern(), Pattern::compile)
                    .matcher(outcome).matches()) {
                return response;
            }
        }
        return fallback;
    }
}
