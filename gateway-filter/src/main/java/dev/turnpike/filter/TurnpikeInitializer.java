package dev.turnpike.filter;

import dev.turnpike.runtime.pipeline.Gateway;
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
 * context parameter {@code turnpike.autoRegister} is {@code false}. Extensions on the class path
 * ({@link TurnpikeExtension}, such as the management API) start here too, once the gateway is built.
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
        // The gateway is built here, not in the filter's init: some containers (WildFly's Undertow) start filters
        // at the first request, and a bad configuration must fail the deployment, never that request.
        Gateway gateway = TurnpikeFilter.load(context, Map.of());
        List<String> servedElsewhere;
        try {
            servedElsewhere = TurnpikeExtension.startAll(context, gateway);
        } catch (ServletException | RuntimeException e) {
            gateway.close();
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
}
