package dev.turnpike.runtime.websocket;

import dev.turnpike.runtime.auth.ApiKeys;
import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.model.ShortIds;
import dev.turnpike.runtime.throttle.RouteBuckets;
import dev.turnpike.runtime.throttle.ThrottleLimit;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One WebSocket API served on its configured stages. Container-neutral: the filter's WebSocket glue hands it
 * handshakes, opened connections, messages and closes; it answers through {@link ClientConnection}.
 *
 * <p>A handshake runs {@code $connect} (API key, throttle, integration) before the upgrade, so a refusal is an HTTP
 * answer; each message is routed by the route selection expression, throttled by its route's bucket and sent to
 * the route's integration; a close runs {@code $disconnect}.
 */
public final class WebSocketGateway implements AutoCloseable {

    private final WebSocketApi api;
    private final TurnpikeConfig config;
    private final String apiId;
    private final WebSocketSettings settings;
    private final RouteKeySelection selection;
    private final RouteIntegrations integrations;
    private final ConnectAuthorizer authorizer;
    private final RouteBuckets buckets;
    private final ApiKeys apiKeys;
    private final LocalConnections local = new LocalConnections();
    private final Connections connections;
    private final ConnectionsEndpoint endpoint;
    private final ScheduledExecutorService timers;

    private WebSocketGateway(WebSocketApi api, TurnpikeConfig config) {
        this.api = api;
        this.config = config;
        this.apiId = config.apiId() != null ? config.apiId() : derivedApiId(api.name());
        this.settings = WebSocketSettings.read(config, api);
        this.selection = new RouteKeySelection(api.routeSelectionExpression(), api.routes());
        this.apiKeys = ApiKeys.fromConfig(config.values());
        this.integrations = new RouteIntegrations(api, config, api.getClass().getClassLoader());
        this.authorizer = new ConnectAuthorizer(config, integrations.lambda());
        try {
            this.buckets = RouteBuckets.create(config, apiId);
        } catch (RuntimeException e) {
            integrations.close();
            throw e;
        }
        String redisUri = config.values().get("turnpike.redis.uri");
        try {
            this.connections = redisUri == null ? local
                    : RedisConnections.open(redisUri, apiId, local, settings.maxLifetime());
        } catch (RuntimeException e) {
            buckets.close();
            integrations.close();
            throw e;
        }
        this.endpoint = new ConnectionsEndpoint(config, connections);
        this.timers = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "turnpike-websocket-timers");
            thread.setDaemon(true);
            thread.setContextClassLoader(null); // holds no web application's class loader
            return thread;
        });
    }

    /**
     * A gateway for {@code api}.
     *
     * @throws dev.turnpike.runtime.config.ConfigException naming every bad WebSocket, Lambda or throttling key
     */
    public static WebSocketGateway create(WebSocketApi api, TurnpikeConfig config) {
        return new WebSocketGateway(api, config);
    }

    public WebSocketApi api() {
        return api;
    }

    public TurnpikeConfig config() {
        return config;
    }

    public WebSocketSettings settings() {
        return settings;
    }

    /** Whether {@code stage} is one of the configured stages. */
    public boolean servesStage(String stage) {
        return config.stages().containsKey(stage);
    }

    /** The {@code @connections} management API of this gateway's connections. */
    public ConnectionsEndpoint connectionsEndpoint() {
        return endpoint;
    }

    /**
     * Decides on a handshake: {@code $connect}'s authorizer, API key, throttle and integration. Completes with the
     * accepted connection, or with the status and body to refuse it with; never exceptionally.
     */
    public CompletableFuture<ConnectDecision> connect(Handshake handshake) {
        if (!servesStage(handshake.stage())) {
            return refused(403, "Forbidden", "ForbiddenException");
        }
        Connection connection = new Connection(Ids.next(), handshake, Instant.now());
        WebSocketRoute route = api.routes().get(WebSocketRoute.CONNECT);
        if (route == null) {
            return CompletableFuture.completedFuture(ConnectDecision.accept(connection));
        }
        RouteCall call = new RouteCall(route, connection, WebSocketEvent.Type.CONNECT, apiId, Ids.next(), null,
                Instant.now(), 0, null);
        CompletableFuture<ConnectAuthorizer.Result> authorized = route.authorizer() == null
                ? CompletableFuture.completedFuture(null) : authorizer.authorize(call, route.authorizer());
        return authorized.thenCompose(result -> {
            if (result != null && !result.allowed()) {
                return refused(result.status(), result.message(), result.status() == 401
                        ? "UnauthorizedException" : result.status() == 403 ? "AccessDeniedException" : null);
            }
            if (result != null) {
                connection.authorized(result.authorizer());
            }
            if (route.apiKeyRequired() && !hasEnabledKey(handshake)) {
                return refused(403, "Forbidden", "ForbiddenException");
            }
            return admit(connection.stage(), route).thenCompose(admitted -> admitted
                    ? integrations.call(call, null).thenApply(answer -> answer.success()
                            ? ConnectDecision.accept(connection)
                            : ConnectDecision.refuse(answer.status(), answer.body(), null))
                    : refused(429, "Too Many Requests", "TooManyRequestsException"));
        });
    }

    private static CompletableFuture<ConnectDecision> refused(int status, String message, String errorType) {
        return CompletableFuture.completedFuture(ConnectDecision.refuse(status,
                jakarta.json.Json.createObjectBuilder().add("message", message).build().toString(), errorType));
    }

    /** {@code apiKeySelectionExpression}: the {@code x-api-key} header (or the header it names) holds a key. */
    private boolean hasEnabledKey(Handshake handshake) {
        String expression = api.apiKeySelectionExpression();
        String header = expression.startsWith("$request.header.")
                ? expression.substring("$request.header.".length()) : "x-api-key";
        String value = handshake.headers().first(header);
        ApiKeys.ApiKey key = value == null ? null : apiKeys.byValue(value);
        return key != null && key.enabled();
    }

    /** The container opened the accepted connection: it is reachable from now on, and its timers run. */
    public void opened(Connection connection, ClientConnection client) {
        connection.opened(client);
        connections.add(connection);
        long idleMillis = settings.idleTimeout().toMillis();
        timers.schedule(() -> checkIdle(connection), idleMillis, TimeUnit.MILLISECONDS);
        timers.schedule(() -> end(connection, "Going away"), settings.maxLifetime().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void checkIdle(Connection connection) {
        if (local.get(connection.id()) != connection) {
            return; // closed already
        }
        long idleFor = System.currentTimeMillis() - connection.lastActiveMillis();
        long idleMillis = settings.idleTimeout().toMillis();
        if (idleFor >= idleMillis) {
            end(connection, "Going away");
        } else {
            timers.schedule(() -> checkIdle(connection), idleMillis - idleFor, TimeUnit.MILLISECONDS);
        }
    }

    /** Closes the connection as API Gateway does at its idle timeout and its lifetime's end: 1001 Going away. */
    private void end(Connection connection, String reason) {
        if (local.get(connection.id()) == connection) {
            connection.client().close(1001, reason);
        }
    }

    /** One whole text message from the client. */
    public void message(Connection connection, String text) {
        connection.active(System.currentTimeMillis());
        connections.active(connection);
        String requestId = Ids.next();
        WebSocketRoute route = selection.select(text);
        if (route == null) {
            connection.client().send(ErrorFrames.of(ErrorFrames.FORBIDDEN, connection.id(), requestId));
            return;
        }
        admit(connection.stage(), route).thenCompose(admitted -> {
            if (!admitted) {
                connection.client().send(ErrorFrames.of(ErrorFrames.TOO_MANY_REQUESTS, connection.id(), requestId));
                return CompletableFuture.completedFuture(null);
            }
            RouteCall call = new RouteCall(route, connection, WebSocketEvent.Type.MESSAGE, apiId, requestId,
                    Ids.next(), Instant.now(), 0, null);
            return integrations.call(call, text).thenAccept(answer -> {
                if (answer.status() >= 500) {
                    connection.client().send(ErrorFrames.of(ErrorFrames.INTERNAL_SERVER_ERROR, connection.id(),
                            requestId));
                } else if (route.twoWay() && answer.body() != null) {
                    connection.client().send(answer.body());
                }
            });
        });
    }

    /** A message over {@link WebSocketSettings#MAX_MESSAGE_BYTES}: API Gateway closes with 1009. */
    public void tooBig(Connection connection) {
        connection.client().close(1009, "Message too big");
    }

    /** The connection closed, from either side: it is unreachable from now on, and {@code $disconnect} runs. */
    public void closed(Connection connection, int code, String reason) {
        connections.remove(connection);
        WebSocketRoute route = api.routes().get(WebSocketRoute.DISCONNECT);
        if (route != null) {
            RouteCall call = new RouteCall(route, connection, WebSocketEvent.Type.DISCONNECT, apiId, Ids.next(),
                    null, Instant.now(), code, reason);
            integrations.call(call, null); // the client is gone: nothing to answer
        }
    }

    private CompletableFuture<Boolean> admit(String stage, WebSocketRoute route) {
        ThrottleLimit limit = settings.limitFor(stage, route.routeKey());
        if (limit == null) {
            return CompletableFuture.completedFuture(Boolean.TRUE);
        }
        return buckets.tryTake("ws:" + stage + ":" + route.routeKey(), limit);
    }

    static String derivedApiId(String name) {
        return ShortIds.of("websocket:" + name, 10);
    }

    @Override
    public void close() {
        timers.shutdownNow();
        try {
            // ended before the container looks for threads the application left running
            timers.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connections.close();
        buckets.close();
        integrations.close();
    }

    @Override
    public String toString() {
        return "WebSocket API " + api.name() + " (" + apiId + ") stages " + config.stages().keySet();
    }
}
