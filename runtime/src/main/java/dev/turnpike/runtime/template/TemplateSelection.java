package dev.turnpike.runtime.template;

import java.util.Locale;
import java.util.Map;

/**
 * Which response template of a {@code responseTemplates} map applies, as API Gateway chooses: the one for the
 * client's {@code Accept}, ignoring parameters such as {@code q}; else {@code application/json}; else the first.
 * Of {@code Accept}, only the first media type counts, as AWS documents (shared/conformance/vtl/SEMANTICS.md §2.16).
 * Request templates are chosen with the passthrough rules in {@code integration.RequestTemplateChoice}.
 */
public final class TemplateSelection {

    public static final String DEFAULT_CONTENT_TYPE = "application/json";

    private TemplateSelection() {
    }

    /** The content type key of the response template for an {@code Accept} header, or {@code null}. */
    public static String forResponse(Map<String, String> templates, String accept) {
        if (templates.isEmpty()) {
            return null;
        }
        if (accept != null) {
            int comma = accept.indexOf(',');
            String wanted = mediaType(comma < 0 ? accept : accept.substring(0, comma));
            for (String key : templates.keySet()) {
                if (key.equalsIgnoreCase(wanted)) {
                    return key;
                }
            }
        }
        return fallback(templates);
    }

    private static String fallback(Map<String, String> templates) {
        for (String key : templates.keySet()) {
            if (key.equalsIgnoreCase(DEFAULT_CONTENT_TYPE)) {
                return key;
            }
        }
        return templates.keySet().iterator().next();
    }

    private static String mediaType(String header) {
        if (header == null) {
            return null;
        }
        int semi = header.indexOf(';');
        return (semi < 0 ? header : header.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }
}
