package dev.turnpike.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TurnpikeConfigTest {

    @Test
    void defaultsServeTheDevStage() {
        TurnpikeConfig config = TurnpikeConfig.from(Map.of());
        assertThat(config.stages()).containsOnlyKeys("dev");
        assertThat(config.region()).isEqualTo("us-east-1");
        assertThat(config.accountId()).isEqualTo("123456789012");
        assertThat(config.apiId()).isNull();
        assertThat(config.trustForwardedProto()).isFalse();
    }

    @Test
    void stagesVariablesAndMethodSettings() {
        TurnpikeConfig config = TurnpikeConfig.from(Map.of(
                "turnpike.stages", "dev, prod",
                "turnpike.stage.prod.variables.backend", "https://example.internal",
                "turnpike.stage.prod.methodSettings.*/*.metricsEnabled", "true",
                "turnpike.stage.prod.methodSettings.*/*.throttlingRateLimit", "100",
                "turnpike.stage.prod.methodSettings./pets/{petId}/GET.throttlingRateLimit", "5.5",
                "turnpike.stage.prod.methodSettings.~1pets/POST.cachingEnabled", "true",
                "turnpike.region", "eu-west-1"));
        assertThat(config.stages()).containsOnlyKeys("dev", "prod");
        StageSettings prod = config.stages().get("prod");
        assertThat(prod.variables()).isEqualTo(Map.of("backend", "https://example.internal"));
        MethodSettings get = prod.settingsFor("/pets/{petId}", "GET");
        assertThat(get.throttlingRateLimit()).isEqualTo(5.5);
        assertThat(get.metricsEnabled()).isTrue();
        assertThat(prod.settingsFor("/pets", "POST").cachingEnabled()).isTrue();
        assertThat(prod.settingsFor("/pets", "POST").throttlingRateLimit()).isEqualTo(100.0);
        assertThat(config.stages().get("dev").settingsFor("/pets", "GET")).isEqualTo(MethodSettings.NONE);
        assertThat(config.region()).isEqualTo("eu-west-1");
    }

    @Test
    void stagesNamedOnlyInKeysAreServed() {
        assertThat(TurnpikeConfig.from(Map.of("turnpike.stage.qa.variables.x", "1")).stages()).containsOnlyKeys("qa");
    }

    @Test
    void everyBadKeyIsReportedByName() {
        assertThatThrownBy(() -> TurnpikeConfig.from(Map.of(
                "turnpike.stages", "dev",
                "turnpike.stage.dev.variabels.x", "1",
                "turnpike.stage.prod.variables.y", "2",
                "turnpike.stage.dev.methodSettings.*/*.throttlingRateLimit", "fast",
                "turnpike.stage.dev.methodSettings./pets/FETCH.metricsEnabled", "true",
                "turnpike.stage.dev.methodSettings./pets/GET.cacheTtl", "5",
                "turnpike.accountId", "42",
                "turnpike.trustForwardedProto", "yes",
                "turnpike.stage.dev.variables.bad-name", "v")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "turnpike.stage.dev.variabels.x: unknown configuration key (see docs/configuration.md)",
                        "turnpike.stage.dev.methodSettings.*/*.throttlingRateLimit: expected a number >= 0, got 'fast'",
                        "turnpike.stage.dev.methodSettings./pets/FETCH.metricsEnabled: unknown HTTP method 'FETCH'",
                        "turnpike.stage.dev.methodSettings./pets/GET.cacheTtl: unknown method setting 'cacheTtl' "
                                + "(AWS MethodSetting fields: metricsEnabled, loggingLevel, dataTraceEnabled, "
                                + "throttlingBurstLimit, throttlingRateLimit, cachingEnabled, cacheTtlInSeconds, "
                                + "cacheDataEncrypted, requireAuthorizationForCacheControl, "
                                + "unauthorizedCacheControlHeaderStrategy)",
                        "turnpike.accountId: an AWS account id is 12 digits: '42'",
                        "turnpike.trustForwardedProto: expected true or false, got 'yes'",
                        "turnpike.stage.dev.variables.bad-name: stage variable name 'bad-name' may only contain "
                                + "A-Z, a-z, 0-9 and _",
                        "turnpike.stage.prod.*: stage 'prod' is not listed in turnpike.stages (dev)"));
    }

    @Test
    void laterSourcesWin() {
        TurnpikeConfig config = TurnpikeConfig.load(List.of(
                new ConfigSource("classpath", Map.of("turnpike.stage.dev.variables.url", "a", "turnpike.region",
                        "eu-west-1")),
                new ConfigSource("init-param", Map.of("turnpike.stage.dev.variables.url", "b"))));
        assertThat(config.stages().get("dev").variables()).containsEntry("url", "b");
        assertThat(config.region()).isEqualTo("eu-west-1");
    }

    @Test
    void contractKeysOfLaterFeaturesAreKnown() {
        TurnpikeConfig config = TurnpikeConfig.from(Map.of(
                "turnpike.lambda.MyFunction", "com.example.Handler",
                "turnpike.iam.AKIDEXAMPLE.secretKey", "s",
                "turnpike.apiKeys.k1.value", "abc",
                "turnpike.apiKeys.k1.enabled", "true",
                "turnpike.usagePlans.basic.throttle.rateLimit", "10",
                "turnpike.usagePlans.basic.quota.limit", "1000",
                "turnpike.usagePlans.basic.quota.period", "DAY",
                "turnpike.redis.uri", "redis://127.0.0.1:6379",
                "turnpike.vpcLinks.abc.targets", "127.0.0.1:8080"));
        assertThat(config.values()).containsEntry("turnpike.redis.uri", "redis://127.0.0.1:6379");
        assertThatThrownBy(() -> TurnpikeConfig.from(Map.of("turnpike.usagePlans.basic.quota.limit", "lots")))
                .hasMessageContaining("turnpike.usagePlans.basic.quota.limit: expected a whole number, got 'lots'");
    }

    @Test
    void canarySettingsWithAwsFieldNames() {
        TurnpikeConfig config = TurnpikeConfig.from(Map.of(
                "turnpike.stage.dev.variables.testVar", "default",
                "turnpike.stage.dev.canarySettings.percentTraffic", "12.5",
                "turnpike.stage.dev.canarySettings.stageVariableOverrides.testVar", "canary",
                "turnpike.stage.dev.canarySettings.useStageCache", "true"));
        StageSettings dev = config.stages().get("dev");
        assertThat(dev.canary()).isEqualTo(new CanarySettings(12.5, Map.of("testVar", "canary"), null, true));
        assertThat(dev.asCanary().variables()).isEqualTo(Map.of("testVar", "canary"));
        assertThat(dev.variables()).isEqualTo(Map.of("testVar", "default"));
        assertThat(TurnpikeConfig.from(Map.of()).stages().get("dev").canary()).isNull();
    }

    @Test
    void badCanarySettingsAreNamed() {
        assertThatThrownBy(() -> TurnpikeConfig.from(Map.of(
                "turnpike.stages", "dev,prod",
                "turnpike.stage.dev.canarySettings.percentTraffic", "150",
                "turnpike.stage.prod.canarySettings.stageVariableOverrides.x", "1",
                "turnpike.stage.prod.canarySettings.percent", "5")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "turnpike.stage.dev.canarySettings.percentTraffic: between 0 and 100, got 150",
                        "turnpike.stage.prod.canarySettings.percentTraffic: a stage with canary settings needs its "
                                + "share of traffic (0 to 100)",
                        "turnpike.stage.prod.canarySettings.percent: unknown configuration key (see "
                                + "docs/configuration.md)"));
    }
}
