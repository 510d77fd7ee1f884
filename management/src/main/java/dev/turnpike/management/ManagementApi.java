package dev.turnpike.management;

import dev.turnpike.runtime.admin.GatewayAdmin;
import jakarta.servlet.Servlet;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * The management API as one Jersey servlet over a gateway's {@link GatewayAdmin}: map it at
 * {@code <turnpike.management.path>/*}. {@link ManagementExtension} does so in a WAR; embedders (tests,
 * {@code turnpike:run}) call {@link #servlet} themselves.
 */
public final class ManagementApi {

    private ManagementApi() {
    }

    public static Servlet servlet(GatewayAdmin admin, ManagementSettings settings) {
        ResourceConfig resources = new ResourceConfig()
                .register(new SignatureCheck(settings))
                .register(new ErrorResponses())
                .register(new RestApisResource(admin))
                .register(new ApiKeysResource(admin))
                .register(new UsagePlansResource(admin))
                // Jersey's own WADL would answer OPTIONS and /application.wadl outside AWS's shapes.
                .property(ServerProperties.WADL_FEATURE_DISABLE, true);
        return new ServletContainer(resources);
    }
}
