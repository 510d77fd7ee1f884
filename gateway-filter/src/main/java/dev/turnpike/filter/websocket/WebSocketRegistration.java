package dev.turnpike.filter.websocket;

import dev.turnpike.runtime.websocket.WebSocketGateway;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import java.util.EnumSet;

/** Puts a WebSocket API on an application: its filter on {@code /*}, ahead of the REST API's filter. */
public final class WebSocketRegistration {

    /** The filter's name in the application. */
    public static final String FILTER_NAME = "turnpike-websocket";

    private WebSocketRegistration() {
    }

    /**
     * Registers the filter serving {@code gateway}; call before the REST filter is registered, so that WebSocket
     * handshakes and {@code @connections} calls reach it first. Returns {@code false} (and closes nothing) when a
     * filter of that name exists already.
     */
    public static boolean register(ServletContext context, WebSocketGateway gateway) {
        FilterRegistration.Dynamic filter = context.addFilter(FILTER_NAME, new WebSocketFilter(gateway));
        if (filter == null) {
            return false;
        }
        filter.setAsyncSupported(true);
        // ASYNC: a handshake whose $connect took time comes back through the filter to be upgraded
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC), false, "/*");
        context.log("Turnpike: " + gateway);
        return true;
    }
}
