package dev.turnpike.runtime.throttle;

import java.util.Objects;

/**
 * What throttling needs to know about one request.
 *
 * @param stage the stage name, e.g. {@code prod}
 * @param resourcePath the API's resource path template, e.g. {@code /pets/{petId}}, as method settings name it
 * @param httpMethod the API's method as defined, e.g. {@code GET}, or {@code ANY} for an {@code ANY} method
 * @param apiKeyName the NAME of the request's API key ({@code turnpike.apiKeys.<name>}); {@code null} when the
 *     method does not require an API key: AWS meters usage plans only on methods that require one
 */
public record ThrottleRequest(String stage, String resourcePath, String httpMethod, String apiKeyName) {

    public ThrottleRequest {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(resourcePath, "resourcePath");
        Objects.requireNonNull(httpMethod, "httpMethod");
    }
}
