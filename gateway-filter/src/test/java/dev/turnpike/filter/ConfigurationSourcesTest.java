package dev.turnpike.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.turnpike.runtime.config.ConfigException;
import dev.turnpike.runtime.config.TurnpikeConfig;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationSourcesTest {

    @TempDir
    Path dir;

    ClassLoader classpathWith(String properties) throws Exception {
        Path root = Files.createDirectories(dir.resolve("classes"));
        Files.writeString(root.resolve("turnpike.properties"), properties);
        return new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
    }

    @Test
    void precedenceIsClasspathFileContextParamInitParamEnvironment() throws Exception {
        ClassLoader loader = classpathWith("""
                turnpike.stages=dev
                turnpike.stage.dev.variables.a=classpath
                turnpike.stage.dev.variables.b=classpath
                turnpike.stage.dev.variables.c=classpath
                turnpike.stage.dev.variables.d=classpath
                turnpike.stage.dev.variables.e=classpath
                """);
        Path file = dir.resolve("override.properties");
        Files.writeString(file, "turnpike.stage.dev.variables.b=file\nturnpike.stage.dev.variables.c=file\n"
                + "turnpike.stage.dev.variables.d=file\nturnpike.stage.dev.variables.e=file\n");
        TurnpikeConfig config = TurnpikeConfig.load(ConfigurationSources.read(loader,
                Map.of("turnpike.stage.dev.variables.c", "context", "turnpike.stage.dev.variables.d", "context",
                        "turnpike.stage.dev.variables.e", "context", "unrelated.param", "ignored"),
                Map.of("turnpike.stage.dev.variables.d", "init", "turnpike.stage.dev.variables.e", "init"),
                Map.of("TURNPIKE_STAGE_DEV_VARIABLES_E", "env", "PATH", "/bin"),
                name -> name.equals("turnpike.config") ? file.toString() : null));
        assertThat(config.stages().get("dev").variables()).isEqualTo(Map.of(
                "a", "classpath", "b", "file", "c", "context", "d", "init", "e", "env"));
    }

    @Test
    void environmentVariablesKeepTheCaseOfKeysTheyOverride() throws Exception {
        ClassLoader loader = classpathWith("turnpike.stage.Prod.variables.backendUrl=a\n");
        TurnpikeConfig config = TurnpikeConfig.load(ConfigurationSources.read(loader, Map.of(), Map.of(),
                Map.of("TURNPIKE_STAGE_PROD_VARIABLES_BACKENDURL", "b", "TURNPIKE_ACCOUNTID", "111122223333",
                        "TURNPIKE_STAGE_QA_VARIABLES_HOST", "h"),
                name -> null));
        assertThat(config.stages().get("Prod").variables()).isEqualTo(Map.of("backendUrl", "b"));
        assertThat(config.stages().get("qa").variables()).isEqualTo(Map.of("host", "h"));
        assertThat(config.accountId()).isEqualTo("111122223333");
    }

    @Test
    void environmentVariablesIntroduceKeysWithTheirCamelCaseWordsWhole() throws Exception {
        TurnpikeConfig config = TurnpikeConfig.load(ConfigurationSources.read(classpathWith(""), Map.of(), Map.of(),
                Map.of("TURNPIKE_USAGEPLANS_GOLD_THROTTLE_RATELIMIT", "5",
                        "TURNPIKE_REDIS_FAILMODE", "closed",
                        "TURNPIKE_REDIS_TIMEOUTMILLIS", "50",
                        "TURNPIKE_IAM_AKID_SESSIONTOKEN", "t",
                        "TURNPIKE_VPCENDPOINTS_VPCE1_SOURCECIDRS", "10.0.0.0/8",
                        "TURNPIKE_COGNITO_POOL_JWKSURL", "http://127.0.0.1/jwks"),
                name -> null));
        assertThat(config.values()).containsKeys("turnpike.redis.failMode", "turnpike.redis.timeoutMillis",
                "turnpike.iam.akid.sessionToken", "turnpike.vpcEndpoints.vpce1.sourceCidrs",
                "turnpike.cognito.pool.jwksUrl");
        assertThat(config.values()).containsEntry("turnpike.usagePlans.gold.throttle.rateLimit", "5");
    }

    @Test
    void theConfigFileMayComeFromTheEnvironment() throws Exception {
        Path file = dir.resolve("env.properties");
        Files.writeString(file, "turnpike.region=ap-southeast-2\n");
        TurnpikeConfig config = TurnpikeConfig.load(ConfigurationSources.read(classpathWith(""), Map.of(), Map.of(),
                Map.of("TURNPIKE_CONFIG", file.toString()), name -> null));
        assertThat(config.region()).isEqualTo("ap-southeast-2");
    }

    @Test
    void aMissingConfigFileIsNamed() throws Exception {
        ClassLoader loader = classpathWith("");
        assertThatThrownBy(() -> ConfigurationSources.read(loader, Map.of(), Map.of(), Map.of(),
                name -> name.equals("turnpike.config") ? "/no/such/file.properties" : null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("-Dturnpike.config=/no/such/file.properties: cannot read");
    }

    @Test
    void anUnknownEnvironmentKeyFailsLikeAnyOther() throws Exception {
        ClassLoader loader = classpathWith("");
        assertThatThrownBy(() -> TurnpikeConfig.load(ConfigurationSources.read(loader, Map.of(), Map.of(),
                Map.of("TURNPIKE_STAGE_DEV_VARIABELS_X", "1"), name -> null)))
                .hasMessageContaining("turnpike.stage.dev.variabels.x: unknown configuration key");
    }
}
