package dev.turnpike.codegen;

import java.nio.file.Path;
import java.util.List;

/**
 * What a generation run found and did.
 *
 * @param diagnostics every problem of every definition, errors and warnings, in the order found
 * @param apis the generated APIs; empty when there is an error
 * @param writtenFiles the files this run created or changed; files whose content was already right are left
 *     alone and not listed
 */
public record GenerationResult(List<Diagnostic> diagnostics, List<GeneratedApiInfo> apis, List<Path> writtenFiles) {

    public GenerationResult {
        diagnostics = List.copyOf(diagnostics);
        apis = List.copyOf(apis);
        writtenFiles = List.copyOf(writtenFiles);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
