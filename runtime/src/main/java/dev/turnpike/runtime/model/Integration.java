package dev.turnpike.runtime.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An operation's {@code x-amazon-apigateway-integration}: where a request goes and how it is mapped. Field
 * names are AWS's own.
 *
 * @param uri the target with {@code ${stageVariables.x}} and {@code {param}} placeholders left in, resolved per
 *     request
 * @param timeoutInMillis 50 to 29000, checked at build time
 * @param insecureSkipVerification {@code tlsConfig.insecureSkipVerification}: an HTTPS backend's certificate need
 *     not come from a trusted authority (dates and host name are still checked)
 */
public record Integration(
        IntegrationType type,
        String httpMethod,
        String uri,
        ConnectionType connectionType,
        String connectionId,
        String credentials,
        int timeoutInMillis,
        String passthroughBehavior,
        String contentHandling,
        Map<String, String> requestParameters,
        Map<String, String> requestTemplates,
        List<String> cacheKeyParameters,
        List<IntegrationResponse> responses,
        boolean insecureSkipVerification) {

    /** AWS's default and maximum integration timeout for REST APIs. */
    public static final int DEFAULT_TIMEOUT_MILLIS = 29_000;
    public static final int MIN_TIMEOUT_MILLIS = 50;

    public Integration {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(connectionType, "connectionType");
        if (timeoutInMillis < MIN_TIMEOUT_MILLIS || timeoutInMillis > DEFAULT_TIMEOUT_MILLIS) {
            throw new IllegalArgumentException("timeoutInMillis must be between 50 and 29000: " + timeoutInMillis);
        }
        requestParameters = Map.copyOf(requestParameters);
        requestTemplates = Map.copyOf(requestTemplates);
        cacheKeyParameters = List.copyOf(cacheKeyParameters);
        responses = List.copyOf(responses);
    }

    public static Builder of(IntegrationType type) {
        return new Builder(type);
    }

    public static final class Builder {
        private final IntegrationType type;
        private String httpMethod;
        private String uri;
        private ConnectionType connectionType = ConnectionType.INTERNET;
        private String connectionId;
        private String credentials;
        private int timeoutInMillis = DEFAULT_TIMEOUT_MILLIS;
        private String passthroughBehavior = "WHEN_NO_MATCH";
        private String contentHandling;
        private final Map<String, String> requestParameters = new LinkedHashMap<>();
        private final Map<String, String> requestTemplates = new LinkedHashMap<>();
        private final List<String> cacheKeyParameters = new ArrayList<>();
        private final List<IntegrationResponse> responses = new ArrayList<>();
        private boolean insecureSkipVerification;

        private Builder(IntegrationType type) {
            this.type = Objects.requireNonNull(type, "type");
        }

        public Builder httpMethod(String httpMethod) {
            this.httpMethod = httpMethod;
            return this;
        }

        public Builder uri(String uri) {
            this.uri = uri;
            return this;
        }

        public Builder connection(ConnectionType connectionType, String connectionId) {
            this.connectionType = connectionType;
            this.connectionId = connectionId;
            return this;
        }

        public Builder credentials(String credentials) {
            this.credentials = credentials;
            return this;
        }

        public Builder timeoutInMillis(int timeoutInMillis) {
            this.timeoutInMillis = timeoutInMillis;
            return this;
        }

        public Builder passthroughBehavior(String passthroughBehavior) {
            this.passthroughBehavior = passthroughBehavior;
            return this;
        }

        public Builder contentHandling(String contentHandling) {
            this.contentHandling = contentHandling;
            return this;
        }

        public Builder requestParameter(String target, String source) {
            requestParameters.put(target, source);
            return this;
        }

        public Builder requestTemplate(String contentType, String template) {
            requestTemplates.put(contentType, template);
            return this;
        }

        public Builder cacheKeyParameter(String parameter) {
            cacheKeyParameters.add(parameter);
            return this;
        }

        public Builder response(IntegrationResponse response) {
            responses.add(response);
            return this;
        }

        public Builder insecureSkipVerification(boolean insecureSkipVerification) {
            this.insecureSkipVerification = insecureSkipVerification;
            return this;
        }

        public Integration build() {
            return new Integration(type, httpMethod, uri, connectionType, connectionId, credentials,
                    timeoutInMillis, passthroughBehavior, contentHandling, requestParameters, requestTemplates,
                    cacheKeyParameters, responses, insecureSkipVerification);
        }
    }
}
