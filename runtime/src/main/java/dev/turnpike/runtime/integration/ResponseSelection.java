package dev.turnpike.runtime.integration;

import dev.turnpike.runtime.model.IntegrationResponse;
import dev.turnpike.runtime.regex.BoundedMatch;
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
     * Whether the pattern matches the whole outcome. The outcome comes from the backend (an error message can be
     * anything), so the match is bounded: a pattern that would need too long on it does not match.
     */
    private static boolean matches(String selectionPattern, String outcome) {
        try {
            return BoundedMatch.matches(PATTERNS.computeIfAbsent(selectionPattern, Pattern::compile), outcome);
        } catch (BoundedMatch.TooExpensive e) {
            System.getLogger(ResponseSelection.class.getName()).log(System.Logger.Level.WARNING,
                    "selectionPattern " + selectionPattern + " gave up on a " + outcome.length()
                            + "-character outcome: it backtracks too much; treated as not matching");
            return false;
        }
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
            } else if (outcome != null && matches(response.selectionPattern(), outcome)) {
                return response;
            }
        }
        return fallback;
    }
}
