package dev.turnpike.management;

import dev.turnpike.filter.TurnpikeExtension;
import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.pipeline.Gateway;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import java.util.List;

/**
 * Mounts the management API in a WAR that carries this jar, when {@code turnpike.management.enabled} is
 * {@code true}; otherwise it registers nothing, so the API is off by default.
 */
public final class ManagementExtension implements TurnpikeExtension {

    static final String SERVLET_NAME = "turnpike-management";

    @Override
    public List<String> start(ServletContext context, Gateway gateway) throws ServletException {
        TurnpikeConfig config = gateway.config();
        ManagementSettings settings;
        try {
            settings = ManagementSettings.fromConfig(config.values(), config.region(), config.accountId());
        } catch (IllegalArgumentException e) {
            throw new ServletException(e.getMessage(), e);
        }
        if (!settings.enabled()) {
            return List.of();
        }
        ServletRegistration.Dynamic servlet = context.addServlet(SERVLET_NAME,
                ManagementApi.servlet(gateway.admin(), settings));
        if (servlet == null) {
            throw new ServletException("turnpike.management.enabled: a servlet named '" + SERVLET_NAME
                    + "' exists already");
        }
        servlet.addMapping(settings.path() + "/*");
        context.log("Turnpike: management API at " + settings.path());
        return List.of(settings.path());
    }
}
