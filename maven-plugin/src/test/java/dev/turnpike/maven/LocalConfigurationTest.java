package dev.turnpike.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.turnpike.runtime.config.TurnpikeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalConfigurationTest {

    @TempDir
    Path folder;

    @Test
    void servesTheDefaultStageWithNothingGiven() throws Exception {
        TurnpikeConfig config = LocalConfiguration.build(null, "dev", null);

        assertThat(config.stages()).containsOnlyKeys("dev");
        assertThat(config.stages().get("dev").variables()).isEmpty();
    }

    @Test
    void stageVariablesFromThePropertyWinOverTheFile() throws Exception {
        Path file = givenConfig("turnpike.stage.qa.variables.base=api\nturnpike.stage.qa.variables.port=1\n");

        TurnpikeConfig config = LocalConfiguration.build(file, "qa", "port=8080, extra = x");

        assertThat(config.stages()).containsOnlyKeys("qa");
        assertThat(config.stages().get("qa").variables())
                .isEqualTo(Map.of("base", "api", "port", "8080", "extra", "x"));
    }

    @Test
    void addsTheChosenStageToTheStagesTheFileServes() throws Exception {
        Path file = givenConfig("turnpike.stages=prod\nturnpike.stage.prod.variables.host=example.com\n");

        TurnpikeConfig config = LocalConfiguration.build(file, "dev", "host=localhost");

        assertThat(config.stages()).containsOnlyKeys("prod", "dev");
        assertThat(config.stages().get("prod").variables()).isEqualTo(Map.of("host", "example.com"));
        assertThat(config.stages().get("dev").variables()).isEqualTo(Map.of("host", "localhost"));
    }

    @Test
    void keepsTheStagesTheFileNamesWhenItListsNone() throws Exception {
        Path file = givenConfig("turnpike.stage.prod.variables.host=example.com\n");

        assertThat(LocalConfiguration.build(file, "dev", null).stages()).containsOnlyKeys("prod", "dev");
    }

    @Test
    void refusesAStageVariableThatIsNotNameEqualsValue() {
        assertThatThrownBy(() -> LocalConfiguration.build(null, "dev", "port=1,oops"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Turnpike: -Dturnpike.stageVariables: 'oops' is not name=value (expected k1=v1,k2=v2)");
    }

    @Test
    void namesABadKeyOfTheFile() throws Exception {
        Path file = givenConfig("turnpike.stagez=dev\n");

        assertThatThrownBy(() -> LocalConfiguration.build(file, "dev", null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Turnpike: invalid Turnpike configuration:\n"
                        + "  turnpike.stagez: unknown configuration key (see docs/configuration.md)\n"
                        + "(from -Dturnpike.config=" + file + ", -Dturnpike.stage and -Dturnpike.stageVariables)");
    }

    @Test
    void saysWhenTheFileCannotBeRead() {
        Path missing = folder.resolve("missing.properties");

        assertThatThrownBy(() -> LocalConfiguration.build(missing, "dev", null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Turnpike: -Dturnpike.config=" + missing + ": cannot read: ");
    }

    private Path givenConfig(String properties) throws Exception {
        return Files.writeString(folder.resolve("turnpike.properties"), properties);
    }
}
