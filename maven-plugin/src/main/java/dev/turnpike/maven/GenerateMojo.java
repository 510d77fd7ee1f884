package dev.turnpike.maven;

import dev.turnpike.codegen.GeneratedApiInfo;
import dev.turnpike.codegen.GenerationResult;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Generates the Java sources of every OpenAPI definition and adds them to the build: the sources as a compile
 * source root, {@code META-INF/services} as a resource folder. Does nothing when the inputs are those of the last
 * successful run.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractMojo {

    /** The definitions to generate; by default every *.yaml, *.yml and *.json in {@code definitionsDirectory}. */
    @Parameter
    private List<File> definitions;

    /** Where definitions are found when {@code definitions} is not set. */
    @Parameter(defaultValue = "${project.basedir}/src/main/openapi", required = true)
    private File definitionsDirectory;

    @Parameter(defaultValue = "${project.build.directory}/generated-sources/turnpike", required = true)
    private File outputDirectory;

    @Parameter(defaultValue = "${project.build.directory}/generated-resources/turnpike", required = true)
    private File resourceOutputDirectory;

    /** Each API is generated in {@code <basePackage>.<apiName>}. */
    @Parameter(defaultValue = "turnpike.generated", required = true)
    private String basePackage;

    /**
     * Mapping templates to render with the interpreter (Velocity) instead of compiling them to Java, by JSON
     * pointer as build messages print it ({@code #/paths/~1pets/post/x-amazon-apigateway-integration/requestTemplates/application~1json}),
     * optionally after the definition's file name and a space. Only for a template the compiler refuses; the build
     * warns naming each one.
     */
    @Parameter
    private List<String> interpretedTemplates;

    @Parameter(property = "turnpike.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution mojoExecution;

    @Parameter(defaultValue = "${plugin.version}", readonly = true, required = true)
    private String pluginVersion;

    @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
    private List<Artifact> pluginArtifacts;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Turnpike generation skipped (turnpike.skip)");
            return;
        }
        IncrementalGenerator.Outcome outcome;
        try {
            GenerateRequest request = new GenerateRequest(
                    DefinitionFiles.resolve(definitions, definitionsDirectory),
                    outputDirectory.toPath(),
                    resourceOutputDirectory.toPath(),
                    basePackage,
                    generatorIdentity(),
                    new File(project.getBuild().getDirectory(),
                            "turnpike-state/" + mojoExecution.getExecutionId() + ".digest").toPath(),
                    interpretedTemplates == null ? Set.of() : Set.copyOf(interpretedTemplates));
            outcome = IncrementalGenerator.run(request);
            report(request, outcome);
        } catch (InvalidInputException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new MojoExecutionException("Turnpike: generation failed: " + e, e);
        }
        project.addCompileSourceRoot(outputDirectory.getAbsolutePath());
        addResourceFolder(resourceOutputDirectory.getAbsolutePath());
        OldCompilerPluginLevel.setIfMissing(project).ifPresent(level -> getLog().info("Turnpike: this build's "
                + "maven-compiler-plugin ignores maven.compiler.release and defaults to Java 5; compiling for Java "
                + level + " (set maven.compiler.source/target, or use maven-compiler-plugin 3.6 or later)"));
    }

    private void report(GenerateRequest request, IncrementalGenerator.Outcome outcome) throws MojoFailureException {
        if (outcome.upToDate()) {
            getLog().info("Turnpike: " + request.definitions().size()
                    + " OpenAPI definition(s) up to date, nothing generated");
            return;
        }
        GenerationResult result = outcome.result();
        DiagnosticReport.log(getLog(), result.diagnostics());
        if (result.hasErrors()) {
            throw new MojoFailureException(DiagnosticReport.failureMessage(result.diagnostics()));
        }
        for (GeneratedApiInfo api : result.apis()) {
            getLog().info("Turnpike: generated " + api.qualifiedClassName() + " (" + api.operations()
                    + " operations) from " + api.definition().getFileName());
        }
        getLog().info("Turnpike: " + result.writtenFiles().size() + " file(s) written to " + outputDirectory
                + " and " + resourceOutputDirectory);
    }

    private void addResourceFolder(String folder) {
        boolean present = project.getResources().stream().anyMatch(r -> folder.equals(r.getDirectory()));
        if (!present) {
            Resource resource = new Resource();
            resource.setDirectory(folder);
            project.addResource(resource);
        }
    }

    /** The plugin version, and for its own jars their size and time: a rebuilt SNAPSHOT generator counts as new. */
    private String generatorIdentity() {
        StringBuilder identity = new StringBuilder(pluginVersion);
        for (Artifact artifact : pluginArtifacts) {
            if ("dev.turnpike".equals(artifact.getGroupId()) && artifact.getFile() != null) {
                identity.append(';').append(artifact.getId()).append(':').append(artifact.getFile().length())
                        .append(':').append(artifact.getFile().lastModified());
            }
        }
        return identity.toString();
    }
}
