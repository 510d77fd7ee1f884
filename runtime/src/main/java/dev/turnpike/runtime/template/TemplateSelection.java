package dev.turnpike.runtime.template;

import java.util.Locale;
import java.util.Map;

/**
 * Which mapping template of a {@code requestTemplates} / {@code responseTemplates} map applies, as API Gateway
 * chooses: the request's {@code Content-Type} (for responses, the client's {@code Accept}), ignoring parameters
 * such as {@code charset}; else {@code application/json}; else the first. Of {@code Accept}, only the first media
 * type counts, as AWS documents (shared/conformance/vtl/SEMANTICS.md §2.16).
 */
public final class TemplateSelection {

    public static final String DEFAULT_CONTENT_TYPE = "application/json";

    private TemplateSelection() {
    }

    /** The content type key of the template to use, or {@code null} when there are none. */
    public static String forRequest(Map<String, String> templates, String contentType) {
        if (templates.isEmpty()) {
            return null;
        }
        String wanted = mediaType(contentType);
        if (wanted != null) {
            for (String key : templates.keySet()) {
                if (key.equalsIgnoreCase(wanted)) {
                    return key;
                }
            }
        }
        return fallback(templates);
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
