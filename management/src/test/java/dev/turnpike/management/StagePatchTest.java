package dev.turnpike.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.turnpike.runtime.admin.LiveStage;
import dev.turnpike.runtime.config.StageSettings;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code UpdateStage}'s patch operations on a stage, as API Gateway applies them. */
class StagePatchTest {

    private static final LiveStage PROD = new LiveStage(
            new StageSettings("prod", Map.of("host", "a.example.com", "mode", "x"), Map.of()), "dep1", 1_000, 1_000);

    private static JsonObject op(String op, String path, String value) {
        var json = Json.createObjectBuilder().add("op", op).add("path", path);
        if (value != null) {
            json.add("value", value);
        }
        return json.build();
    }

    @Test
    void variablesAreReplacedAddedAndRemovedInOrder() {
        LiveStage changed = StagePatch.apply(PROD, List.of(op("replace", "/variables/host", "b.example.com"),
                op("add", "/variables/new", "1"), op("remove", "/variables/mode", null)), 2_000);
        assertThat(changed.settings().variables()).isEqualTo(Map.of("host", "b.example.com", "new", "1"));
        assertThat(changed.lastUpdatedMillis()).isEqualTo(2_000);
        assertThat(changed.createdMillis()).isEqualTo(1_000);
        assertThat(PROD.settings().variables()).as("the stage itself is immutable").containsEntry("mode", "x");
    }

    @Test
    void escapedNamesAndTheDeployment() {
        LiveStage changed = StagePatch.apply(PROD, List.of(op("replace", "/variables/a~1b~0c", "v"),
                op("replace", "/deploymentId", "dep2")), 2_000);
        assertThat(changed.settings().variables()).containsEntry("a/b~c", "v");
        assertThat(changed.deploymentId()).isEqualTo("dep2");
    }

    @Test
    void aCanaryIsMadeByItsFieldsAndRemovedWhole() {
        LiveStage canary = StagePatch.apply(PROD, List.of(op("replace", "/canarySettings/percentTraffic", "12.5"),
                op("replace", "/canarySettings/deploymentId", "dep2"),
                op("replace", "/canarySettings/stageVariableOverrides/host", "c.example.com"),
                op("replace", "/canarySettings/useStageCache", "true")), 2_000);
        assertThat(canary.settings().canary().percentTraffic()).isEqualTo(12.5);
        assertThat(canary.settings().canary().deploymentId()).isEqualTo("dep2");
        assertThat(canary.settings().canary().stageVariableOverrides()).isEqualTo(Map.of("host", "c.example.com"));
        assertThat(canary.settings().canary().useStageCache()).isTrue();
        assertThat(StagePatch.apply(canary, List.of(op("remove", "/canarySettings", null)), 3_000).settings().canary())
                .isNull();
    }

    @Test
    void badOperationsAreBadRequestsWithTheReason() {
        assertThatThrownBy(() -> StagePatch.apply(PROD, List.of(op("replace", "/description2", "x")), 2_000))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errorType()).isEqualTo("BadRequestException");
                })
                .hasMessage("Invalid patch path '/description2' specified for op 'replace'");
        assertThatThrownBy(() -> StagePatch.apply(PROD, List.of(op("move", "/variables/host", "x")), 2_000))
                .hasMessage("Invalid patch operation specified. Must be one of: [add, remove, replace] for path "
                        + "/variables/host");
        assertThatThrownBy(() -> StagePatch.apply(PROD, List.of(op("replace", "/variables/host", null)), 2_000))
                .hasMessage("A value is required for path /variables/host");
        assertThatThrownBy(() -> StagePatch.apply(PROD, List.of(op("replace", "/canarySettings/percentTraffic",
                "lots")), 2_000)).hasMessage("Invalid percentTraffic: 'lots'");
        assertThatThrownBy(() -> StagePatch.apply(PROD, List.of(op("replace", "/~1pets/GET/throttling/rateLimit",
                "5")), 2_000, Set.of("/hello/GET"))).hasMessage("Invalid method setting path: "
                        + "/~1pets/GET/throttling/rateLimit. The resource and method /pets/GET do not exist");
        assertThatThrownBy(() -> StagePatch.apply(PROD, List.of(op("replace", "/*/*/throttling/rateLimit", "-1")),
                2_000)).hasMessage("Invalid value for /*/*/throttling/rateLimit: "
                        + "expected a number >= 0, got '-1'");
        assertThatThrownBy(() -> StagePatch.apply(PROD, List.of(op("replace", "/*/*/throttling/speed", "1")),
                2_000)).hasMessage("Invalid method setting path: /*/*/throttling/speed");
    }

    @Test
    void methodSettingsAreSetWithAwssPaths() {
        LiveStage changed = StagePatch.apply(PROD, List.of(op("replace", "/*/*/throttling/rateLimit", "5"),
                op("replace", "/*/*/throttling/burstLimit", "2"),
                op("replace", "/~1hello/GET/caching/ttlInSeconds", "60"),
                op("replace", "/~1hello/GET/logging/loglevel", "INFO")), 2_000, Set.of("/hello/GET"));
        assertThat(changed.settings().settingsFor("/hello", "GET").throttlingRateLimit()).isEqualTo(5.0);
        assertThat(changed.settings().settingsFor("/hello", "GET").throttlingBurstLimit()).isEqualTo(2);
        assertThat(changed.settings().settingsFor("/hello", "GET").cacheTtlInSeconds()).isEqualTo(60);
        assertThat(changed.settings().settingsFor("/hello", "GET").loggingLevel()).isEqualTo("INFO");
        assertThat(changed.settings().settingsFor("/other", "GET").cacheTtlInSeconds()).isNull();
    }

    @Test
    void methodSettingKeysAreAwss() {
        assertThat(Shapes.methodSettingKey("*/*")).isEqualTo("*/*");
        assertThat(Shapes.methodSettingKey("/pets/{id}/GET")).isEqualTo("~1pets~1{id}/GET");
    }
}
