package dev.turnpike.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

class OldCompilerPluginLevelTest {

    @Test
    void mavenThreeEightsDefaultCompilerGetsTheReleaseAsSourceAndTarget() {
        MavenProject project = project("3.1", Map.of("maven.compiler.release", "21"));

        assertThat(OldCompilerPluginLevel.setIfMissing(project)).contains("21");
        assertThat(project.getProperties()).containsEntry("maven.compiler.source", "21")
                .containsEntry("maven.compiler.target", "21");
    }

    @Test
    void withNoLevelAtAllTheRuntimesLevelIsUsed() {
        MavenProject project = project("3.1", Map.of());

        assertThat(OldCompilerPluginLevel.setIfMissing(project)).contains("17");
        assertThat(project.getProperties()).containsEntry("maven.compiler.source", "17");
    }

    @Test
    void aCompilerThatKnowsReleaseIsLeftAlone() {
        MavenProject project = project("3.6.0", Map.of("maven.compiler.release", "17"));

        assertThat(OldCompilerPluginLevel.setIfMissing(project)).isEmpty();
        assertThat(project.getProperties()).doesNotContainKey("maven.compiler.source");
    }

    @Test
    void aLevelTheProjectChoseIsLeftAlone() {
        assertThat(OldCompilerPluginLevel.setIfMissing(project("3.1", Map.of("maven.compiler.target", "11"))))
                .isEmpty();

        MavenProject configured = project("3.1", Map.of());
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        Xpp3Dom source = new Xpp3Dom("source");
        source.setValue("11");
        configuration.addChild(source);
        configured.getPlugin("org.apache.maven.plugins:maven-compiler-plugin").setConfiguration(configuration);
        assertThat(OldCompilerPluginLevel.setIfMissing(configured)).isEqualTo(Optional.empty());
        assertThat(configured.getProperties()).doesNotContainKey("maven.compiler.source");
    }

    private static MavenProject project(String compilerVersion, Map<String, String> properties) {
        Model model = new Model();
        model.setBuild(new Build());
        Plugin compiler = new Plugin();
        compiler.setGroupId("org.apache.maven.plugins");
        compiler.setArtifactId("maven-compiler-plugin");
        compiler.setVersion(compilerVersion);
        model.getBuild().addPlugin(compiler);
        properties.forEach(model::addProperty);
        return new MavenProject(model);
    }
}
