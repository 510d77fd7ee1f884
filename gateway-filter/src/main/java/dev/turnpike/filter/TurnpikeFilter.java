package dev.turnpike.filter;

import dev.turnpike.runtime.config.ConfigException;
import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.observability.MetricsEndpoint;
import dev.turnpike.runtime.pipeline.Gateway;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Serves a generated API inside any Jakarta Servlet 6 container. Every request below the filter's mapping
 * belongs to the API: it is answered here, asynchronously, and never reaches the filter chain.
 *
 * <p>Configured once at start (see {@link ConfigurationSources}); a bad key fails deployment with its name.
 */
public final class TurnpikeFilter implements Filter {

    /** How long the container keeps an exchange open: the longest integration timeout plus time to stream. */
    static final long ASYNC_TIMEOUT_MILLIS = 120_000;

    private volatile Gateway gateway;
    /** Paths an extension serves (the management API): passed down the chain, never answered as the API. */
    private final List<String> servedElsewhere;

    /** For containers: the API and configuration are found at {@link #init}. */
    public TurnpikeFilter() {
        this.servedElsewhere = List.of();
    }

    /** For embedding ({@code turnpike:run}, tests): serves this gateway as it is. */
    public TurnpikeFilter(Gateway gateway) {
        this(gateway, List.of());
    }

    /**
     * For embedding with extensions: serves this gateway, and passes requests at or below each of
     * {@code servedElsewhere} (paths below the context path, such as {@code /turnpike-management}) down the chain.
     */
    public TurnpikeFilter(Gateway gateway, List<String> servedElsewhere) {
        this.gateway = gateway;
        this.servedElsewhere = List.copyOf(servedElsewhere);
    }

    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        if (gateway != null) {
            return;
        }
        gateway = load(filterConfig.getServletContext(),
                ConfigurationSources.toMap(filterConfig.getInitParameterNames(), filterConfig::getInitParameter));
    }

    /**
     * The gateway of the web application's generated API, configured from every source (these filter
     * init-params among them); a bad configuration is a {@link ServletException} naming every bad key.
     */
    static Gateway load(ServletContext context, Map<String, String> filterParameters) throws ServletException {
        ClassLoader loader = context.getClassLoader();
        Gateway loaded;
        try {
            TurnpikeConfig config = TurnpikeConfig.load(ConfigurationSources.read(loader,
                    ConfigurationSources.toMap(context.getInitParameterNames(), context::getInitParameter),
                    filterParameters, System.getenv(), System::getProperty));
            loaded = Gateway.builder(GeneratedApis.find(loader, config.api()), config)
                    .deployments(GeneratedApis.named(loader, config.values().get("turnpike.deployments")))
                    .build();
        } catch (ConfigException e) {
            throw new ServletException(e.getMessage(), e);
        }
        context.log("Turnpike: " + loaded);
        return loaded;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest httpRequest)
                || !(response instanceof HttpServletResponse httpResponse)) {
            chain.doFilter(request, response);
            return;
        }
        Gateway served = gateway;
        if (served == null) {
            throw new ServletException("TurnpikeFilter used before init");
        }
        if (!servedElsewhere.isEmpty() && isServedElsewhere(pathInContext(httpRequest))) {
            chain.doFilter(request, response);
            return;
        }
        MetricsEndpoint metrics = served.observability().metricsEndpoint();
        if (metrics != null && metrics.path().equals(pathInContext(httpRequest))) {
            serveMetrics(metrics, httpRequest, httpResponse);
            return;
        }
        AsyncContext async = httpRequest.startAsync();
        async.setTimeout(ASYNC_TIMEOUT_MILLIS);
        ServletRequestBody requestBody = new ServletRequestBody(httpRequest.getInputStream());
        ServletResponseBody responseBody = new ServletResponseBody(httpResponse.getOutputStream(), async);
        async.addListener(new AsyncListener() {
            @Override
            public void onTimeout(AsyncEvent event) {
                responseBody.containerFailed(event.getThrowable());
            }

            @Override
            public void onError(AsyncEvent event) {
                responseBody.containerFailed(event.getThrowable());
            }

            @Override
            public void onComplete(AsyncEvent event) {
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
            }
        });
        boolean hasBody = expectsBody(httpRequest);
        if (hasBody) {
            requestBody.listen();
        }
        responseBody.listen();
        served.handle(new ServletClientRequest(httpRequest, isSecure(httpRequest, served), requestBody),
                new ServletClientResponse(httpResponse, responseBody, hasBody ? requestBody : null,
                        httpRequest.getContentLengthLong(), async));
    }

    /** The Prometheus scrape: small, so answered on the container's thread. */
    private static void serveMetrics(MetricsEndpoint metrics, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        MetricsEndpoint.Answer answer = metrics.answer(request.getHeader("Authorization"));
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        response.setContentLength(answer.body().length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(answer.body());
        }
    }

    private boolean isServedElsewhere(String path) {
        for (String prefix : servedElsewhere) {
            if (path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
                return true;
            }
        }
        return false;
    }

    private static String pathInContext(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static boolean expectsBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    /** HTTPS as the container saw it, or as a trusted TLS-terminating proxy says with {@code X-Forwarded-Proto}. */
    private static boolean isSecure(HttpServletRequest request, Gateway served) {
        return request.isSecure() || served.config().trustForwardedProto()
                && "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    }

    /**
     * Serves {@code next} from the next request on, atomically; requests already running finish on the gateway
     * they started with. Returns the previous gateway, for the caller to close once those are done.
     */
    public Gateway serve(Gateway next) {
        Gateway previous = gateway;
        gateway = next;
        return previous;
    }

    /** Lets go of the gateway's backend connections and threads when the application stops. */
    @Override
    public void destroy() {
        Gateway served = gateway;
        // Dropped as well as closed: a container may keep a filter instance it was given (the initializer gives
        // one) after the application stops, and the backend client's selector thread lives as long as the client.
        gateway = null;
        if (served != null) {
            served.close();
        }
    }

    /** The gateway this filter serves; {@code null} before {@link #init}. */
    public Gateway gateway() {
        return gateway;
    }
}
