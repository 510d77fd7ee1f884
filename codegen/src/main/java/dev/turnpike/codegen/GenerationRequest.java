package dev.turnpike.codegen;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.Objects;
import javax.lang.model.SourceVersion;

/**
 * What to generate and where.
 *
 * @param definitions OpenAPI 3.0/3.1 or Swagger 2 files, YAML or JSON; one API each
 * @param sourceOutput the root of the generated Java sources (packages below it)
 * @param resourceOutput the root of generated resources ({@code META-INF/services/...} below it)
 * @param basePackage each API goes in {@code <basePackage>.<apiName>}; the Maven plugin uses
 *     {@code turnpike.generated}
 * @param interpretedTemplates JSON pointers ({@code #/paths/...}, optionally after the definition's file name and a
 *     space) of mapping templates to render with the interpreter instead of compiling them; each one is named in a
 *     build warning
 */
public record GenerationRequest(List<Path> definitions, Path sourceOutput, Path resourceOutput, String basePackage,
        Set<String> interpretedTemplates) {

    /** Every template compiled. */
    public GenerationRequest(List<Path> definitions, Path sourceOutput, Path resourceOutput, String basePackage) {
        this(definitions, sourceOutput, resourceOutput, basePackage, Set.of());
    }

    public GenerationRequest {
        definitions = List.copyOf(definitions);
        interpretedTemplates = Set.copyOf(interpretedTemplates);
        Objects.requireNonNull(sourceOutput, "sourceOutput");
        Objects.requireNonNull(resourceOutput, "resourceOutput");
        Objects.requireNonNull(basePackage, "basePackage");
        if (!SourceVersion.isName(basePackage)) {
            throw new IllegalArgumentException("not a valid Java package name: '" + basePackage + "'");
        }
    }
}
