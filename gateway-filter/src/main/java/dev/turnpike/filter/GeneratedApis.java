package dev.turnpike.filter;

import dev.turnpike.runtime.model.GeneratedApi;
import jakarta.servlet.ServletException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Finds the generated API a WAR carries, through {@link ServiceLoader}. */
final class GeneratedApis {

    private GeneratedApis() {
    }

    /**
     * The generated APIs {@code turnpike.deployments} lists by name (comma-separated): further deployments of the
     * served API; empty when the key is not set.
     */
    static List<GeneratedApi> named(ClassLoader loader, String names) throws ServletException {
        List<GeneratedApi> found = new ArrayList<>();
        if (names == null || names.isBlank()) {
            return found;
        }
        List<GeneratedApi> apis = new ArrayList<>();
        ServiceLoader.load(GeneratedApi.class, loader).forEach(apis::add);
        for (String name : names.split(",")) {
            String wanted = name.trim();
            if (wanted.isEmpty()) {
                continue;
            }
            GeneratedApi match = apis.stream().filter(a -> a.name().equals(wanted)).findFirst().orElse(null);
            if (match == null) {
                throw new ServletException("turnpike.deployments: no generated API named '" + wanted + "' (found: "
                        + apis.stream().map(GeneratedApi::name).sorted().collect(Collectors.joining(", ")) + ")");
            }
            found.add(match);
        }
        return found;
    }

    /** Whether the class path has a generated REST API at all. */
    static boolean present(ClassLoader loader) {
        return ServiceLoader.load(GeneratedApi.class, loader).findFirst().isPresent();
    }

    /** The one API on the class path, or the one {@code turnpike.api} names when there are several. */
    static GeneratedApi find(ClassLoader loader, String wanted) throws ServletException {
        List<GeneratedApi> apis = new ArrayList<>();
        ServiceLoader.load(GeneratedApi.class, loader).forEach(apis::add);
        if (apis.isEmpty()) {
            throw new ServletException("Turnpike found no generated API on the class path: add the "
                    + "turnpike-maven-plugin with its 'generate' goal and a definition in src/main/openapi/");
        }
        String names = apis.stream().map(GeneratedApi::name).sorted().collect(Collectors.joining(", "));
        if (wanted != null) {
            for (GeneratedApi api : apis) {
                if (api.name().equals(wanted)) {
                    return api;
                }
            }
            throw new ServletException("turnpike.api: no generated API named '" + wanted + "' (found: " + names + ")");
        }
        if (apis.size() > 1) {
            throw new ServletException("turnpike.api: the class path has several generated APIs (" + names
                    + "); name the one this filter serves");
        }
        return apis.get(0);
    }
}
