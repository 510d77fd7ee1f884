package dev.turnpike.runtime.websocket;

import java.util.Map;
import java.util.Objects;

/**
 * What a WebSocket route calls ({@code AWS::ApiGatewayV2::Integration}).
 *
 * @param type {@code MOCK} or {@code AWS_PROXY}
 * @param uri a Lambda invocation ARN for {@code AWS_PROXY}, {@code null} for {@code MOCK}
 * @param requestTemplate the {@code $default} request template (MOCK: it renders {@code {"statusCode": 200}}),
 *     {@code null} when none
 * @param responseTemplate the {@code $default} integration response's template, {@code null} when none
 * @param timeoutMillis {@code timeoutInMillis}, 29 seconds unless set
 */
public record WebSocketIntegration(Type type, String uri, String requestTemplate, String responseTemplate,
        long timeoutMillis) {

    /** API Gateway's default integration timeout. */
    public static final long DEFAULT_TIMEOUT_MILLIS = 29_000;

    /** The integration types served. */
    public enum Type { MOCK, AWS_PROXY }

    public WebSocketIntegration {
        Objects.requireNonNull(type, "type");
        if (type == Type.AWS_PROXY && uri == null) {
            throw new IllegalArgumentException("an AWS_PROXY integration needs a uri");
        }
    }

    /** For generated code: the templates as they are written in the definition, by selection key. */
    public static WebSocketIntegration of(Type type, String uri, Map<String, String> requestTemplates,
            Map<String, String> responseTemplates, long timeoutMillis) {
        return new WebSocketIntegration(type, uri, requestTemplates.get("$default"),
                responseTemplates.get("$default"), timeoutMillis);
    }
}
