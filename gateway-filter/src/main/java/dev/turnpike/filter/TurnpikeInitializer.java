package dev.turnpike.filter;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.EnumSet;
import java.util.Set;

/**
 * Registers {@link TurnpikeFilter} on {@code /*} when a WAR starts, so a WAR needs no web.xml entry. It stands
 * aside when web.xml already declares the filter (to map it elsewhere, or give it init-params) or when the
 * context parameter {@code turnpike.autoRegister} is {@code false}.
 */
public final class TurnpikeInitializer implements ServletContainerInitializer {

    static final String FILTER_NAME = "turnpike";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        if ("false".equals(context.getInitParameter("turnpike.autoRegister"))) {
            return;
        }
        for (FilterRegistration registration : context.getFilterRegistrations().values()) {
            if (TurnpikeFilter.class.getName().equals(registration.getClassName())) {
                return;
            }
        }
        FilterRegistration.Dynamic filter = context.addFilter(FILTER_NAME, TurnpikeFilter.class);
        if (filter == null) {
            return; // a filter named "turnpike" exists already: the application's own choice
        }
        filter.setAsyncSupported(true);
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    }
}
