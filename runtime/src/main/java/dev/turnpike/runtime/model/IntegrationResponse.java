package dev.turnpike.runtime.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of an integration's {@code responses}: which backend outcome it selects and how it maps it
 * to a method response.
 *
 * @param selectionPattern the regular expression matched against the backend status (HTTP, MOCK) or error
 *     message (Lambda); {@code null} for the {@code default} entry
 * @param statusCode the method response status this entry produces
 * @param responseParameters {@code method.response.header.X} to its source expression
 * @param responseTemplates content type to mapping template
 * @param contentHandling {@code CONVERT_TO_TEXT}, {@code CONVERT_TO_BINARY} or {@code null}
 */
public record IntegrationResponse(
        String selectionPattern,
        String statusCode,
        Map<String, String> responseParameters,
        Map<String, String> responseTemplates,
        String contentHandling) {

    public IntegrationResponse {
        Objects.requireNonNull(statusCode, "statusCode");
        responseParameters = Map.copyOf(responseParameters);
        responseTemplates = Map.copyOf(responseTemplates);
    }

    public boolean isDefault() {
        return selectionPattern == null;
    }

    /** Starts the entry for a selection pattern; {@code "default"} or {@code null} make the default entry. */
    public static Builder selecting(String selectionPattern, String statusCode) {
        return new Builder(selectionPattern, statusCode);
    }

    public static final class Builder {
        private final String selectionPattern;
        private final String statusCode;
        private final Map<String, String> responseParameters = new LinkedHashMap<>();
        private final Map<String, String> responseTemplates = new LinkedHashMap<>();
        private String contentHandling;

        private Builder(String selectionPattern, String statusCode) {
            this.selectionPattern = "default".equals(selectionPattern) ? null : selectionPattern;
            this.statusCode = Objects.requireNonNull(statusCode, "statusCode");
        }

        public Builder responseParameter(String target, String source) {
            responseParameters.put(target, source);
            return this;
        }

        public Builder responseTemplate(String contentType, String template) {
            responseTemplates.put(contentType, template);
            return this;
        }

        public Builder contentHandling(String contentHandling) {
            this.contentHandling = contentHandling;
            return this;
        }

        public IntegrationResponse build() {
            return new IntegrationResponse(selectionPattern, statusCode, responseParameters, responseTemplates,
                    contentHandling);
        }
    }
}
