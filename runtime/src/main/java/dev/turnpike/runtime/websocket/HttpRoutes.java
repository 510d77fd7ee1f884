package dev.turnpike.runtime.websocket;

import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.integration.BackendClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP and HTTP_PROXY route integrations: the message (HTTP_PROXY) or the rendered request template (HTTP) is the
 * body sent with the integration's method to its uri; the backend's status and body are the route's answer.
 */
final class HttpRoutes implements AutoCloseable {

    private static final Pattern STAGE_VARIABLE = Pattern.compile("\\$\\{stageVariables\\.([A-Za-z0-9_]+)}");

    private final BackendClient client;

    HttpRoutes(TurnpikeConfig config) {
        this.client = BackendClient.create("turnpike-websocket-backend", config);
    }

    /** Sends {@code body} (may be {@code null}: an empty body) to the integration's backend. */
    CompletableFuture<RouteAnswer> send(WebSocketIntegration integration, Map<String, String> stageVariables,
            String body) {
        URI uri = URI.create(resolve(integration.uri(), stageVariables));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMillis(integration.timeoutMillis()))
                .method(integration.httpMethod(), body == null || body.isEmpty()
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return client.send(uri, request).thenApply(HttpRoutes::answer);
    }

    private static RouteAnswer answer(HttpResponse<String> response) {
        String body = response.body();
        return new RouteAnswer(response.statusCode(), body == null || body.isEmpty() ? null : body);
    }

    /** {@code ${stageVariables.<name>}} replaced by the stage's value; a variable the stage lacks fails the call. */
    static String resolve(String uri, Map<String, String> stageVariables) {
        Matcher matcher = STAGE_VARIABLE.matcher(uri);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String value = stageVariables.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("integration uri " + uri + " names stage variable '"
                        + matcher.group(1) + "', which the stage does not set");
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(resolved).toString();
    }

    @Override
    public void close() {
        client.close();
    }
}
