package dev.turnpike.filter;

import dev.turnpike.runtime.pipeline.Gateway;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Something a WAR opts into by carrying its jar (the management API of {@code turnpike-management}): found by
 * {@link ServiceLoader} when {@link TurnpikeInitializer} has built the gateway, and given the chance to register
 * servlets of its own beside the filter.
 */
public interface TurnpikeExtension {

    /**
     * Starts the extension for {@code gateway}.
     *
     * @return the paths below the context path ({@code /turnpike-management}) the extension serves itself: the
     *     filter passes requests at and below them down the chain instead of answering them; empty when it serves
     *     nothing (for example when it is not enabled)
     * @throws ServletException when its configuration is wrong: the deployment fails
     */
    List<String> start(ServletContext context, Gateway gateway) throws ServletException;

    /** Starts every extension on {@code context}'s class path; the paths they serve. */
    static List<String> startAll(ServletContext context, Gateway gateway) throws ServletException {
        List<String> paths = new ArrayList<>();
        Iterator<TurnpikeExtension> extensions =
                ServiceLoader.load(TurnpikeExtension.class, context.getClassLoader()).iterator();
        for (int skipped = 0; skipped < MAX_SKIPPED; ) {
            TurnpikeExtension extension;
            try {
                if (!extensions.hasNext()) {
                    break;
                }
                extension = extensions.next();
            } catch (ServiceConfigurationError e) {
                // Listed by a parent class loader (a container's or a test's class path) but built against another
                // copy of this filter than the WAR's: it cannot serve this gateway, and the WAR did not ask for it.
                context.log("Turnpike: skipped an extension of another class loader: " + e.getMessage());
                skipped++;
                continue;
            }
            paths.addAll(extension.start(context, gateway));
        }
        return List.copyOf(paths);
    }

    /** Bounds the skipping, in case a broken provider kept failing at the same place. */
    int MAX_SKIPPED = 100;
}
