package dev.turnpike.filter;

import dev.turnpike.runtime.websocket.WebSocketApi;
import jakarta.servlet.ServletException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Finds the generated WebSocket API a WAR carries, if any, through {@link ServiceLoader}. */
final class WebSocketApis {

    private WebSocketApis() {
    }

    /** The one WebSocket API on the class path; {@code null} when there is none. */
    static WebSocketApi find(ClassLoader loader) throws ServletException {
        List<WebSocketApi> apis = new ArrayList<>();
        ServiceLoader.load(WebSocketApi.class, loader).forEach(apis::add);
        if (apis.size() > 1) {
            throw new ServletException("Turnpike serves one WebSocket API per application; the class path has "
                    + apis.stream().map(WebSocketApi::name).sorted().collect(Collectors.joining(", ")));
        }
        return apis.isEmpty() ? null : apis.get(0);
    }
}
