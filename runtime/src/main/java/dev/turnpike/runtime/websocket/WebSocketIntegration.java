package dev.turnpike.runtime.websocket;

import java.util.Map;
import java.util.Objects;

/**
 * What a WebSocket route calls ({@code AWS::ApiGatewayV2::Integration}).
 *
 * @param type {@code MOCK}, {@code AWS_PROXY}, {@code HTTP} or {@code HTTP_PROXY}
 * @param uri a Lambda invocation ARN for {@code AWS_PROXY}, an {@code http(s)} URL (it may name
 *     {@code ${stageVariables.<name>}}) for {@code HTTP} and {@code HTTP_PROXY}, {@code null} for {@code MOCK}
 * @param method {@code integrationMethod} of an HTTP backend; {@code null} means {@code POST}
 * @param requestTemplate the {@code $default} request template (MOCK: it renders {@code {"statusCode": 200}}; HTTP:
 *     the body sent), {@code null} when none
 * @param responseTemplate the {@code $default} integration response's template, {@code null} when none
 * @param timeoutMillis {@code timeoutInMillis}, 29 seconds unless set
 */
public record WebSocketIntegration(Type type, String uri, String method, String requestTemplate,
        String responseTemplate, long timeoutMillis) {

    /** API Gateway's default integration timeout. */
    public static final long DEFAULT_TIMEOUT_MILLIS = 29_000;

    /** The integration types served. */
    public enum Type { MOCK, AWS_PROXY, HTTP, HTTP_PROXY }

    public WebSocketIntegration {
        Objects.requireNonNull(type, "type");
        if (type != Type.MOCK && uri == null) {
            throw new IllegalArgumentException("an " + type + " integration needs a uri");
        }
    }

    /** An integration that calls no HTTP backend (no method). */
    public WebSocketIntegration(Type type, String uri, String requestTemplate, String responseTemplate,
            long timeoutMillis) {
        this(type, uri, null, requestTemplate, responseTemplate, timeoutMillis);
    }

    /** The HTTP method of an HTTP or HTTP_PROXY backend call: {@code integrationMethod}, else POST. */
    public String httpMethod() {
        return method == null ? "POST" : method;
    }

    /** For generated code: the templates as they are written in the definition, by selection key. */
    public static WebSocketIntegration of(Type type, String uri, Map<String, String> requestTemplates,
            Map<String, String> responseTemplates, long timeoutMillis) {
        return of(type, uri, null, requestTemplates, responseTemplates, timeoutMillis);
    }

    /** For generated code, with an HTTP backend's {@code integrationMethod}. */
    public static WebSocketIntegration of(Type type, String uri, String method, Map<String, String> requestTemplates,
            Map<String, String> responseTemplates, long timeoutMillis) {
        return new WebSocketIntegration(type, uri, method, requestTemplates.get("$default"),
                responseTemplates.get("$default"), timeoutMillis);
    }
}
