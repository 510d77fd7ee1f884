package dev.turnpike.maven;

import java.util.Optional;
import java.util.Properties;
import org.apache.maven.artifact.versioning.ComparableVersion;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Lets the generated sources compile under Maven 3.8's default {@code maven-compiler-plugin}, 3.1, which ignores
 * {@code maven.compiler.release} and compiles for Java 5, a level JDK 17 refuses. Only when the project leaves
 * that plugin's version and its Java level to Maven's defaults does it set {@code maven.compiler.source} and
 * {@code target}: to {@code maven.compiler.release} if given, else to 17, the level of the Turnpike runtime.
 */
final class OldCompilerPluginLevel {

    private static final String COMPILER_PLUGIN = "org.apache.maven.plugins:maven-compiler-plugin";
    private static final ComparableVersion FIRST_WITH_RELEASE = new ComparableVersion("3.6");
    private static final String SOURCE = "maven.compiler.source";
    private static final String TARGET = "maven.compiler.target";
    static final String RUNTIME_LEVEL = "17";

    private OldCompilerPluginLevel() {
    }

    /** The level set, or empty when the project's compiler settings already work and were left alone. */
    static Optional<String> setIfMissing(MavenProject project) {
        Plugin compiler = project.getPlugin(COMPILER_PLUGIN);
        if (compiler == null || compiler.getVersion() == null
                || new ComparableVersion(compiler.getVersion()).compareTo(FIRST_WITH_RELEASE) >= 0) {
            return Optional.empty();
        }
        Properties properties = project.getProperties();
        if (properties.containsKey(SOURCE) || properties.containsKey(TARGET) || configures(compiler)) {
            return Optional.empty();
        }
        String level = properties.getProperty("maven.compiler.release", RUNTIME_LEVEL);
        properties.setProperty(SOURCE, level);
        properties.setProperty(TARGET, level);
        return Optional.of(level);
    }

    private static boolean configures(Plugin compiler) {
        if (setsLevel(compiler.getConfiguration())) {
            return true;
        }
        for (PluginExecution execution : compiler.getExecutions()) {
            if (setsLevel(execution.getConfiguration())) {
                return true;
            }
        }
        return false;
    }

    private static boolean setsLevel(Object configuration) {
        return configuration instanceof Xpp3Dom dom && (dom.getChild("source") != null || dom.getChild("target") != null
                || dom.getChild("release") != null);
    }
}
