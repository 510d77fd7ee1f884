package dev.turnpike.filter;

import dev.turnpike.filter.websocket.WebSocketRegistration;
import dev.turnpike.runtime.config.ConfigException;
import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.pipeline.Gateway;
import dev.turnpike.runtime.websocket.WebSocketApi;
import dev.turnpike.runtime.websocket.WebSocketGateway;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Registers {@link TurnpikeFilter} on {@code /*} when a WAR starts, so a WAR needs no web.xml entry. It stands
 * aside when web.xml already declares the filter (to map it elsewhere, or give it init-params) or when the
 * context parameter {@code turnpike.autoRegister} is {@code false}. A generated WebSocket API gets its own filter
 * ({@link WebSocketRegistration}), registered first. Extensions on the class path ({@link TurnpikeExtension}, such
 * as the management API) start here too, once the REST gateway is built.
 */
public final class TurnpikeInitializer implements ServletContainerInitializer {

    static final String FILTER_NAME = "turnpike";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        if ("false".equals(context.getInitParameter("turnpike.autoRegister"))) {
            return;
        }
        for (FilterRegistration registration : context.getFilterRegistrations().values()) {
            if (TurnpikeFilter.class.getName().equals(registration.getClassName())) {
                return;
            }
        }
        // A WebSocket API's filter goes first: its handshakes and @connections calls must not reach the REST filter.
        WebSocketApi webSocketApi = WebSocketApis.find(context.getClassLoader());
        WebSocketGateway webSocketGateway = null;
        if (webSocketApi != null) {
            webSocketGateway = registerWebSocketApi(context, webSocketApi);
            if (!GeneratedApis.present(context.getClassLoader())) {
                return; // a WebSocket API alone
            }
        }
        // The gateway is built here, not in the filter's init: some containers (WildFly's Undertow) start filters
        // at the first request, and a bad configuration must fail the deployment, never that request.
        Gateway gateway;
        try {
            gateway = TurnpikeFilter.load(context, Map.of());
        } catch (ServletException | RuntimeException e) {
            if (webSocketGateway != null) {
                webSocketGateway.close(); // the deployment fails: no filter of it will be destroyed
            }
            throw e;
        }
        List<String> servedElsewhere;
        try {
            servedElsewhere = TurnpikeExtension.startAll(context, gateway);
        } catch (ServletException | RuntimeException e) {
            gateway.close();
            if (webSocketGateway != null) {
                webSocketGateway.close();
            }
            throw e;
        }
        FilterRegistration.Dynamic filter = context.addFilter(FILTER_NAME, new TurnpikeFilter(gateway,
                servedElsewhere));
        if (filter == null) {
            gateway.close();
            return; // a filter named "turnpike" exists already: the application's own choice
        }
        filter.setAsyncSupported(true);
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    }

    /** The WebSocket API's gateway, serving; {@code null} when the application registered its own filter. */
    private static WebSocketGateway registerWebSocketApi(ServletContext context, WebSocketApi api)
            throws ServletException {
        WebSocketGateway gateway;
        try {
            TurnpikeConfig config = TurnpikeConfig.load(ConfigurationSources.read(context.getClassLoader(),
                    ConfigurationSources.toMap(context.getInitParameterNames(), context::getInitParameter),
                    Map.of(), System.getenv(), System::getProperty));
            gateway = WebSocketGateway.create(api, config);
        } catch (ConfigException e) {
            throw new ServletException(e.getMessage(), e);
        }
        if (!WebSocketRegistration.register(context, gateway)) {
            gateway.close(); // the application registered its own
            return null;
        }
        return gateway;
    }
}
