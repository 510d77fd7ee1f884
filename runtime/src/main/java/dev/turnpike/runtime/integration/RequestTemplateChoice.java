package dev.turnpike.runtime.integration;

import java.util.Map;

/**
 * Which request template applies, or whether the body passes through, as API Gateway decides from the request's
 * {@code Content-Type} (none counts as {@code application/json}) and the integration's {@code passthroughBehavior}:
 * {@code WHEN_NO_MATCH} passes the body through when no template matches; {@code WHEN_NO_TEMPLATES} only when the
 * integration has no templates at all; {@code NEVER} never. Otherwise the answer is 415.
 *
 * @param contentType the key of the template to render, or {@code null}
 * @param passthrough whether the body goes to the backend as it came
 */
record RequestTemplateChoice(String contentType, boolean passthrough) {

    static final RequestTemplateChoice PASSTHROUGH = new RequestTemplateChoice(null, true);
    static final RequestTemplateChoice UNSUPPORTED = new RequestTemplateChoice(null, false);

    boolean unsupported() {
        return contentType == null && !passthrough;
    }

    static RequestTemplateChoice of(Map<String, String> templates, String contentTypeHeader, String behavior) {
        String wanted = contentTypeHeader == null ? "application/json" : BinaryPayloads.mediaType(contentTypeHeader);
        for (String key : templates.keySet()) {
            if (key.equalsIgnoreCase(wanted)) {
                return new RequestTemplateChoice(key, false);
            }
        }
        String passthroughBehavior = behavior == null ? "WHEN_NO_MATCH" : behavior;
        return switch (passthroughBehavior) {
            case "NEVER" -> UNSUPPORTED;
            case "WHEN_NO_TEMPLATES" -> templates.isEmpty() ? PASSTHROUGH : UNSUPPORTED;
            default -> PASSTHROUGH;
        };
    }
}
