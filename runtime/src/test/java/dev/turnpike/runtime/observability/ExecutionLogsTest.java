package dev.turnpike.runtime.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.runtime.http.Headers;
import dev.turnpike.runtime.pipeline.Gateway;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/** Execution logs per stage: loggingLevel and dataTraceEnabled from the method settings, credentials masked. */
class ExecutionLogsTest {

    private static final String LOGGER = "turnpike.execution.abc1234567.dev";
    private static final String KEY = "a-secret-api-key-0123456789";
    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.secret-token";

    private static Gateway gateway(String level, boolean dataTrace) {
        return ObservedApi.gateway(Map.of("turnpike.stage.dev.methodSettings.*/*.loggingLevel", level,
                "turnpike.stage.dev.methodSettings.*/*.dataTraceEnabled", Boolean.toString(dataTrace),
                "turnpike.apiKeys.k1.value", KEY, "turnpike.usagePlans.p1.apiStages", "dev",
                "turnpike.usagePlans.p1.apiKeys", "k1"), null);
    }

    private static Headers credentials() {
        return new Headers().add("x-api-key", KEY).add("Authorization", "Bearer " + TOKEN).add("Accept", "*/*");
    }

    @Test
    void infoWritesEveryRequestLineByLineWithItsRequestId() throws Exception {
        try (ObservedApi.Captured log = new ObservedApi.Captured(LOGGER); Gateway gateway = gateway("INFO", false)) {
            ObservedApi.send(gateway, "/dev/keyed?q=1", credentials());
            List<String> lines = log.lines();
            String id = lines.get(0).substring(1, 37);
            assertThat(lines).allMatch(line -> line.startsWith("(" + id + ") "));
            List<String> texts = lines.stream().map(line -> line.substring(39)).toList();
            assertThat(texts.get(0)).matches("Extended Request Id: [A-Za-z0-9_-]{15}=");
            assertThat(texts.subList(1, 3)).containsExactly("Starting execution for request: " + id,
                    "HTTP Method: GET, Resource Path: /keyed");
            assertThat(texts).contains("Mock integration answered with status: 200",
                    "Successfully completed execution", "Method completed with status: 200");
            assertThat(texts).noneMatch(text -> text.startsWith("Method request headers")
                    || text.startsWith("Endpoint request body"));
            assertThat(log.levels()).containsOnly(Level.INFO);
            assertThat(String.join("\n", lines)).doesNotContain(KEY).doesNotContain("secret-token");
        }
    }

    @Test
    void dataTraceAddsTheRequestDataWithCredentialsMasked() throws Exception {
        try (ObservedApi.Captured log = new ObservedApi.Captured(LOGGER); Gateway gateway = gateway("INFO", true)) {
            ObservedApi.send(gateway, "/dev/keyed?q=1", credentials());
            List<String> texts = log.lines().stream().map(line -> line.substring(39)).toList();
            assertThat(texts).contains("Method request path: {}", "Method request query string: {q=1}",
                    "Method request headers: {x-api-key=********, Authorization=********, Accept=*/*}",
                    "Endpoint request body after transformations: {\"statusCode\": 200}");
            assertThat(String.join("\n", texts)).doesNotContain(KEY).doesNotContain("secret-token");
        }
    }

    @Test
    void errorWritesOnlyFailingRequests() throws Exception {
        try (ObservedApi.Captured log = new ObservedApi.Captured(LOGGER); Gateway gateway = gateway("ERROR", false)) {
            ObservedApi.send(gateway, "/dev/pets");
            assertThat(log.lines()).isEmpty();
            ObservedApi.send(gateway, "/dev/keyed", new Headers().add("x-api-key", "wrong-" + KEY));
            List<String> texts = log.lines().stream().map(line -> line.substring(39)).toList();
            assertThat(texts).endsWith("Gateway response type: INVALID_API_KEY with status code: 403",
                    "Method completed with status: 403");
            assertThat(log.levels()).containsOnly(Level.SEVERE);
            assertThat(String.join("\n", texts)).doesNotContain(KEY);
        }
    }

    @Test
    void offAndUnsetWriteNothing() throws Exception {
        try (ObservedApi.Captured log = new ObservedApi.Captured(LOGGER); Gateway off = gateway("OFF", true);
                Gateway unset = ObservedApi.gateway(Map.of(), null)) {
            ObservedApi.send(off, "/dev/broken");
            ObservedApi.send(unset, "/dev/broken");
            assertThat(log.lines()).isEmpty();
        }
    }

    @Test
    void oneMethodCanLogWhileTheOthersDoNot() throws Exception {
        try (ObservedApi.Captured log = new ObservedApi.Captured(LOGGER);
                Gateway gateway = ObservedApi.gateway(Map.of(
                        "turnpike.stage.dev.methodSettings./broken/GET.loggingLevel", "INFO"), null)) {
            ObservedApi.send(gateway, "/dev/pets");
            assertThat(log.lines()).isEmpty();
            ObservedApi.send(gateway, "/dev/broken");
            assertThat(log.lines()).last().asString().endsWith(" Method completed with status: 500");
        }
    }
}
