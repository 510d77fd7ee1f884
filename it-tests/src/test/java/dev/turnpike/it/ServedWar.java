package dev.turnpike.it;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * A WAR deployed unchanged in a real container, served over HTTPS and, to prove it is refused, over plain HTTP,
 * both on 127.0.0.1 with ports chosen at start.
 */
interface ServedWar extends AutoCloseable {

    /**
     * What to deploy and how.
     *
     * @param war the WAR file as the build made it
     * @param contextPath where it is deployed, e.g. {@code /petstore}
     * @param workDir the container's own scratch folder
     * @param maxThreads the size of the container's request thread pool
     * @param httpsPort the HTTPS port, chosen before start when the application must know it (a WAR that calls
     *     itself); 0 for any free one
     * @param gatewayPath a path below the context path that the gateway answers, where a distribution is probed
     *     for the application having started ({@code /} when the filter has every path)
     */
    record Deployment(Path war, String contextPath, TestTls tls, Path workDir, int maxThreads, int httpsPort,
            String gatewayPath) {
        Deployment(Path war, String contextPath, TestTls tls, Path workDir, int maxThreads) {
            this(war, contextPath, tls, workDir, maxThreads, 0, "/");
        }
    }

    /** Starts a container; returns once it has started, whether or not the application did. */
    @FunctionalInterface
    interface Container {
        ServedWar start(Deployment deployment) throws Exception;

        /**
         * Starts with {@code -Dturnpike.config=<config>} set in this JVM while the container starts: embedded
         * containers read it there, distributions pass it on to their own JVM.
         */
        default ServedWar startWithConfig(Deployment deployment, Path config) throws Exception {
            String previous = System.getProperty("turnpike.config");
            System.setProperty("turnpike.config", config.toString());
            try {
                return start(deployment);
            } finally {
                if (previous == null) {
                    System.clearProperty("turnpike.config");
                } else {
                    System.setProperty("turnpike.config", previous);
                }
            }
        }
    }

    /** {@code https://127.0.0.1:<port><contextPath>} */
    URI https();

    /** {@code http://127.0.0.1:<port><contextPath>} */
    URI http();

    /** Whether the application started and is being served. */
    boolean available();

    /** What the container reported when the application failed to start (its message and causes), or "". */
    String startupFailure();

    /** The application's class loader, as the container made it at start; {@code null} if it did not start. */
    ClassLoader applicationLoader();

    /**
     * Live threads that carry the application's class loader as their context class loader: after {@link #close},
     * what the application left running (and what keeps its classes in memory), as Tomcat's leak detection sees it.
     */
    default List<String> threadsOfApplication() {
        ClassLoader loader = applicationLoader();
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && loader != null && t.getContextClassLoader() == loader)
                .map(Thread::getName)
                .sorted()
                .toList();
    }

    /** What this container answers for the context path of an application that failed to start. */
    int statusWhenUnavailable();

    /** Stops the container. */
    @Override
    void close();
}
