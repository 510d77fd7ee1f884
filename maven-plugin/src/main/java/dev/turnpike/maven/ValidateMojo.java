package dev.turnpike.maven;

import dev.turnpike.codegen.Diagnostic;
import dev.turnpike.codegen.Generator;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Checks every OpenAPI definition as {@code generate} would, without writing anything; fails on any error. */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public final class ValidateMojo extends AbstractMojo {

    /** The definitions to check; by default every *.yaml, *.yml and *.json in {@code definitionsDirectory}. */
    @Parameter
    private List<File> definitions;

    /** Where definitions are found when {@code definitions} is not set. */
    @Parameter(defaultValue = "${project.basedir}/src/main/openapi", required = true)
    private File definitionsDirectory;

    @Parameter(property = "turnpike.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Turnpike validation skipped (turnpike.skip)");
            return;
        }
        List<Diagnostic> diagnostics;
        List<Path> files;
        try {
            files = DefinitionFiles.resolve(definitions, definitionsDirectory);
            diagnostics = Generator.validate(files);
        } catch (InvalidInputException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("Turnpike: validation failed: " + e, e);
        }
        DiagnosticReport.log(getLog(), diagnostics);
        if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
            throw new MojoFailureException(DiagnosticReport.failureMessage(diagnostics));
        }
        getLog().info("Turnpike: " + files.size() + " OpenAPI definition(s) valid");
    }
}
