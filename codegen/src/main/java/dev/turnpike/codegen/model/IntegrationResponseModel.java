package dev.turnpike.codegen.model;

import java.util.Map;

/**
 * One entry of an integration's {@code responses}.
 *
 * @param pointer where the entry is, e.g. {@code .../responses/default}
 * @param selectionPattern the entry's key as written; {@code default} is the default entry
 * @param statusCode {@code null} when missing (already reported)
 */
public record IntegrationResponseModel(
        JsonPointer pointer,
        String selectionPattern,
        String statusCode,
        Map<String, String> responseParameters,
        Map<String, String> responseTemplates,
        String contentHandling) {

    public IntegrationResponseModel {
        responseParameters = OrderedMaps.copyOf(responseParameters);
        responseTemplates = OrderedMaps.copyOf(responseTemplates);
    }

    public boolean isDefault() {
        return "default".equals(selectionPattern);
    }
}
