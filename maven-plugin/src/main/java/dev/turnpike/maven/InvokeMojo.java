package dev.turnpike.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs one request through the API and prints what API Gateway's console test prints: status, latency, body,
 * headers and the execution log of every step (method request, authorizer, request template, endpoint request and
 * response, response template, method response). The integration is really called unless
 * {@code -Dturnpike.dryRun=true}. Like {@code run}, it works outside a project too.
 */
@Mojo(name = "invoke", requiresProject = false, threadSafe = true)
public final class InvokeMojo extends AbstractMojo {

    /** The definition; without it, the only one in {@code src/main/openapi}. */
    @Parameter(property = "turnpike.definition")
    private File definition;

    @Parameter(defaultValue = "${project.basedir}/src/main/openapi", required = true)
    private File definitionsDirectory;

    @Parameter(property = "turnpike.stage", defaultValue = "dev", required = true)
    private String stage;

    /** {@code k1=v1,k2=v2} for the stage. */
    @Parameter(property = "turnpike.stageVariables")
    private String stageVariables;

    /** A properties file with the keys a WAR reads; by default the project's own turnpike.properties. */
    @Parameter(property = "turnpike.config")
    private File config;

    @Parameter(defaultValue = "${project.basedir}/src/main/resources/turnpike.properties", readonly = true)
    private File projectConfig;

    /** More jars and folders for the API's class loader (Lambda handlers), separated by the path separator. */
    @Parameter(property = "turnpike.classpath")
    private String classpath;

    @Parameter(property = "turnpike.method", defaultValue = "GET", required = true)
    private String method;

    /** The path below the stage, with its query string: {@code /pets/1?x=1}. */
    @Parameter(property = "turnpike.path", defaultValue = "/", required = true)
    private String path;

    /** {@code Name:value,Name:value}. */
    @Parameter(property = "turnpike.headers")
    private String headers;

    /** The request body, or {@code @file} for a file's content. */
    @Parameter(property = "turnpike.body")
    private String body;

    /** Stop before the integration: everything up to it runs and is logged. */
    @Parameter(property = "turnpike.dryRun", defaultValue = "false")
    private boolean dryRun;

    @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
    private List<Artifact> pluginArtifacts;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        TestInvoker.Request request = new TestInvoker.Request(path(definition), definitionsDirectory.toPath(), stage,
                path(config != null ? config : projectConfig != null && projectConfig.isFile() ? projectConfig : null),
                stageVariables, classpath,
                pluginArtifacts.stream().map(Artifact::getFile).filter(Objects::nonNull).map(File::toPath).toList(),
                method, path, headers, body, dryRun);
        try {
            // Printed even under -q: the output is what this goal is for.
            TestInvoker.invoke(request).forEach(System.out::println);
        } catch (InvalidInputException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (Exception e) {
            throw new MojoExecutionException("Turnpike: the test invoke failed: " + e, e);
        }
    }

    private static Path path(File file) {
        return file == null ? null : file.toPath().toAbsolutePath();
    }
}
