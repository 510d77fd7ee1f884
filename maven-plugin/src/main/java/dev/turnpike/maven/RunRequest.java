package dev.turnpike.maven;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@code turnpike:run} was asked to serve, copied from its {@code -Dturnpike.*} properties; {@code null}
 * where a property was not given.
 *
 * @param definition the definition to serve, or {@code null} for the only one in {@code definitionsDirectory}
 * @param stageVariables {@code k1=v1,k2=v2}
 * @param configFile a properties file with the keys a WAR reads
 * @param extraClasspath jars and folders separated by the platform's path separator
 * @param truststore a PKCS12 file trusted for HTTPS backends
 * @param pluginClasspath the plugin's own jars: what the generated code compiles against
 * @param verbose whether each request is printed with its id, route, status and latency
 */
record RunRequest(
        Path definition,
        Path definitionsDirectory,
        String stage,
        String host,
        int port,
        String stageVariables,
        Path configFile,
        String extraClasspath,
        Path truststore,
        String truststorePassword,
        List<Path> pluginClasspath,
        boolean verbose) {

    RunRequest {
        Objects.requireNonNull(definitionsDirectory, "definitionsDirectory");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(host, "host");
        pluginClasspath = List.copyOf(pluginClasspath);
    }
}
