package dev.turnpike.filter.websocket;

import dev.turnpike.runtime.http.Headers;
import dev.turnpike.runtime.websocket.ConnectDecision;
import dev.turnpike.runtime.websocket.Connection;
import dev.turnpike.runtime.websocket.ConnectionsEndpoint;
import dev.turnpike.runtime.websocket.Handshake;
import dev.turnpike.runtime.websocket.WebSocketGateway;
import dev.turnpike.runtime.websocket.WebSocketSettings;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Serves a WebSocket API on the stage paths: {@code wss://host/{stage}} upgrades to a WebSocket once
 * {@code $connect} accepts the handshake, and {@code /{stage}/@connections/{connectionId}} is the management API.
 * Every other request goes on down the chain (to the REST API's filter, when the application has one).
 *
 * <p>The upgrade goes through the container's own Jakarta WebSocket implementation
 * ({@link ServerContainer#upgradeHttpToWebSocket}), so no endpoint is deployed at a fixed path.
 *
 * <p>No container thread waits for {@code $connect}: when its authorizer or integration does not decide at once, the
 * handshake goes async and, once decided, is dispatched back here with the decision in a request attribute; the
 * upgrade (or the refusal) happens on that dispatch, on a container thread, which every container supports, where
 * upgrading from a thread of our own after {@code startAsync} is not specified.
 */
public final class WebSocketFilter implements Filter {

    /** How long a handshake waits for {@code $connect}: API Gateway's integration timeout and a second. */
    private static final long CONNECT_WAIT_MILLIS = 30_000;
    private static final String CONNECTIONS = "/@connections/";
    /** The request attribute holding {@code $connect}'s decision when the handshake comes back from async. */
    static final String DECISION = WebSocketFilter.class.getName() + ".decision";

    private final WebSocketGateway gateway;
    private volatile ServerContainer container;

    public WebSocketFilter(WebSocketGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        // Looked up here, not at registration: the container's WebSocket initializer may run after Turnpike's.
        container = (ServerContainer) filterConfig.getServletContext().getAttribute(ServerContainer.class.getName());
        if (container == null) {
            throw new ServletException("Turnpike serves a WebSocket API, but the container has no Jakarta WebSocket"
                    + " server (attribute " + ServerContainer.class.getName() + " is not set): enable its WebSocket"
                    + " support (Jetty: the ee10-websocket-jakarta module; Tomcat: tomcat-websocket)");
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse answer)) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            if (request.getAttribute(DECISION) instanceof Decided decided) {
                request.removeAttribute(DECISION);
                finish(http, answer, decided.stage(), decided.decision());
            } else {
                chain.doFilter(request, response); // another filter's async dispatch
            }
            return;
        }
        String path = http.getRequestURI().substring(http.getContextPath().length());
        int slash = path.indexOf('/', 1);
        String stage = slash < 0 ? path.substring(1) : path.substring(1, slash);
        if (stage.isEmpty() || !gateway.servesStage(stage)) {
            chain.doFilter(request, response);
            return;
        }
        String rest = slash < 0 ? "" : path.substring(slash);
        if ((rest.isEmpty() || rest.equals("/")) && "websocket".equalsIgnoreCase(http.getHeader("Upgrade"))) {
            upgrade(http, answer, stage);
        } else if (rest.startsWith(CONNECTIONS) && rest.indexOf('/', CONNECTIONS.length()) < 0
                && rest.length() > CONNECTIONS.length()) {
            manage(http, answer, decode(rest.substring(CONNECTIONS.length())));
        } else {
            chain.doFilter(request, response);
        }
    }

    private void upgrade(HttpServletRequest request, HttpServletResponse response, String stage)
            throws IOException, ServletException {
        if (!isSecure(request)) {
            // API Gateway serves wss:// only
            write(response, 403, Map.of("x-amzn-ErrorType", "ForbiddenException"), "{\"message\":\"Forbidden\"}");
            return;
        }
        CompletableFuture<ConnectDecision> pending = gateway.connect(handshake(request, stage));
        if (pending.isDone()) { // MOCK and cached answers: no need to go async
            finish(request, response, stage, pending.join());
            return;
        }
        if (!request.isAsyncSupported()) {
            // a filter of the application's ahead of ours does not support async: the only choice left is to wait
            finish(request, response, stage, waitFor(pending));
            return;
        }
        AsyncContext async = request.startAsync();
        // our own bound answers first; the container's only in case the dispatch itself never happens
        async.setTimeout(CONNECT_WAIT_MILLIS + 5_000);
        pending.completeOnTimeout(ConnectDecision.refuse(504, "{\"message\":\"Endpoint request timed out\"}", null),
                CONNECT_WAIT_MILLIS, TimeUnit.MILLISECONDS)
                .exceptionally(failure -> ConnectDecision.refuse(500, "{\"message\":\"Internal server error\"}", null))
                .thenAccept(decision -> {
                    request.setAttribute(DECISION, new Decided(stage, decision));
                    async.dispatch();
                });
    }

    private static ConnectDecision waitFor(CompletableFuture<ConnectDecision> pending) {
        try {
            return pending.get(CONNECT_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ConnectDecision.refuse(500, "{\"message\":\"Internal server error\"}", null);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return ConnectDecision.refuse(504, "{\"message\":\"Endpoint request timed out\"}", null);
        }
    }

    /** {@code $connect}'s decision for a handshake of {@code stage}, carried across the async dispatch. */
    private record Decided(String stage, ConnectDecision decision) {
    }

    /** Answers a refused handshake, or upgrades an accepted one. */
    private void finish(HttpServletRequest request, HttpServletResponse response, String stage,
            ConnectDecision decision) throws IOException, ServletException {
        if (!decision.accepted()) {
            Map<String, String> headers = decision.errorType() == null ? Map.of()
                    : Map.of("x-amzn-ErrorType", decision.errorType());
            write(response, decision.status(), headers, decision.body());
            return;
        }
        Connection connection = decision.connection();
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(GatewayEndpoint.class, "/" + stage)
                .configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    public <T> T getEndpointInstance(Class<T> endpointClass) {
                        return endpointClass.cast(new GatewayEndpoint(gateway, connection));
                    }
                }).build();
        try {
            container.upgradeHttpToWebSocket(request, response, config, Map.of());
        } catch (DeploymentException e) {
            throw new ServletException("WebSocket upgrade failed: " + e.getMessage(), e);
        }
    }

    private Handshake handshake(HttpServletRequest request, String stage) {
        Headers headers = new Headers();
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(name))) {
                headers.add(name, value);
            }
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        String raw = request.getQueryString();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        String host = request.getServerName();
        return new Handshake(stage, headers, query, request.getRemoteAddr(), host);
    }

    /** {@code @connections/{id}}: answered asynchronously once the connection registry answers. */
    private void manage(HttpServletRequest request, HttpServletResponse response, String connectionId)
            throws IOException {
        Headers headers = new Headers();
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(name))) {
                headers.add(name, value);
            }
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(WebSocketSettings.MAX_MESSAGE_BYTES + 1);
        }
        ConnectionsEndpoint endpoint = gateway.connectionsEndpoint();
        AsyncContext async = request.startAsync();
        endpoint.handle(request.getMethod(), request.getRequestURI(), request.getQueryString(), headers, body,
                connectionId).whenComplete((result, failure) -> {
                    try {
                        if (failure != null) {
                            write(response, 500, Map.of(), "{\"message\":\"Internal server error\"}");
                        } else {
                            write(response, result.status(), result.headers(), result.body());
                        }
                    } catch (IOException e) {
                        // the client went away: nothing to answer
                    } finally {
                        async.complete();
                    }
                });
    }

    private static void write(HttpServletResponse response, int status, Map<String, String> headers, String body)
            throws IOException {
        response.setStatus(status);
        headers.forEach(response::setHeader);
        if (body != null) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            if (response.getContentType() == null && !headers.containsKey("Content-Type")) {
                response.setContentType("application/json");
            }
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }

    /** A path segment's percent-decoding; unlike a query string's, {@code +} stays {@code +}. */
    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private boolean isSecure(HttpServletRequest request) {
        return request.isSecure() || gateway.config().trustForwardedProto()
                && "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    }

    @Override
    public void destroy() {
        gateway.close();
    }
}
