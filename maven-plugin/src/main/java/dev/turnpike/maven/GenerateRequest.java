package dev.turnpike.maven;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What {@code turnpike:generate} was asked to do, copied from the Mojo's parameters.
 *
 * @param definitions the OpenAPI files, absolute
 * @param sourceOutput where the Java sources go
 * @param resourceOutput where {@code META-INF/services/...} goes
 * @param basePackage each API goes in {@code <basePackage>.<apiName>}
 * @param generatorIdentity the plugin version and its Turnpike jars: a new generator regenerates everything
 * @param stateFile where the digest of the last successful run's inputs is kept
 * @param interpretedTemplates JSON pointers of mapping templates to render with the interpreter, not compile
 */
record GenerateRequest(
        List<Path> definitions,
        Path sourceOutput,
        Path resourceOutput,
        String basePackage,
        String generatorIdentity,
        Path stateFile,
        Set<String> interpretedTemplates) {

    /** Every template compiled. */
    GenerateRequest(List<Path> definitions, Path sourceOutput, Path resourceOutput, String basePackage,
            String generatorIdentity, Path stateFile) {
        this(definitions, sourceOutput, resourceOutput, basePackage, generatorIdentity, stateFile, Set.of());
    }

    GenerateRequest {
        interpretedTemplates = Set.copyOf(interpretedTemplates);
        definitions = List.copyOf(definitions);
        Objects.requireNonNull(sourceOutput, "sourceOutput");
        Objects.requireNonNull(resourceOutput, "resourceOutput");
        Objects.requireNonNull(basePackage, "basePackage");
        Objects.requireNonNull(generatorIdentity, "generatorIdentity");
        Objects.requireNonNull(stateFile, "stateFile");
    }
}
