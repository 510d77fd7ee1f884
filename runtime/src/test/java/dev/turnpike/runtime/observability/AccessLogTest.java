package dev.turnpike.runtime.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.turnpike.runtime.config.ConfigException;
import dev.turnpike.runtime.http.Headers;
import dev.turnpike.runtime.pipeline.Gateway;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Access logs: one line per request in the stage's format, through SLF4J to the configured logger. */
class AccessLogTest {

    private static final String TIME = "\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000";
    private static final String ID = "[0-9a-f-]{36}";
    private static final String XID = "[A-Za-z0-9_-]{15}=";

    @Test
    void consoleFormatsExpandToAwsTemplates() {
        assertThat(AccessLogFormat.parse("CLF").format()).isEqualTo(AccessLogFormat.CLF);
        assertThat(AccessLogFormat.parse("JSON").format()).isEqualTo(AccessLogFormat.JSON);
        assertThat(AccessLogFormat.parse("XML").format()).isEqualTo(AccessLogFormat.XML);
        assertThat(AccessLogFormat.parse("CSV").format()).isEqualTo(AccessLogFormat.CSV);
    }

    @Test
    void clfLinesForARecordedSetOfRequests() throws Exception {
        try (ObservedApi.Captured log = new ObservedApi.Captured("turnpike.access");
                Gateway gateway = ObservedApi.gateway(Map.of("turnpike.stage.dev.accessLogSettings.format", "CLF"),
                        null)) {
            ObservedApi.send(gateway, "/dev/pets/7?x=1");
            ObservedApi.send(gateway, "/dev/broken");
            ObservedApi.send(gateway, "/dev/cats");
            ObservedApi.send(gateway, "/nostage");
            List<String> lines = log.lines();
            assertThat(lines).hasSize(3); // a request without a stage has no stage's access log
            assertThat(lines.get(0)).matches("127\\.0\\.0\\.1 - - \\[" + TIME + "] \"GET /pets/\\{petId} HTTP/1\\.1\" "
                    + "200 12 " + ID + " " + XID);
            assertThat(lines.get(1)).matches("127\\.0\\.0\\.1 - - \\[" + TIME + "] \"GET /broken HTTP/1\\.1\" "
                    + "500 13 " + ID + " " + XID);
            assertThat(lines.get(2)).matches("127\\.0\\.0\\.1 - - \\[" + TIME + "] \"GET - HTTP/1\\.1\" "
                    + "403 42 " + ID + " " + XID);
        }
    }

    @Test
    void jsonLinesNameTheRequestIdTheClientGot() throws Exception {
        try (ObservedApi.Captured log = new ObservedApi.Captured("gateway.access.json");
                Gateway gateway = ObservedApi.gateway(Map.of("turnpike.stage.dev.accessLogSettings.format", "JSON",
                        "turnpike.stage.dev.accessLogSettings.destination", "gateway.access.json"), null)) {
            ObservedApi.send(gateway, "/dev/pets");
            assertThat(log.lines()).singleElement().asString().matches("\\{ \"requestId\":\"" + ID + "\", "
                    + "\"extendedRequestId\":\"" + XID + "\", \"ip\": \"127\\.0\\.0\\.1\", \"caller\":\"-\", "
                    + "\"user\":\"-\", \"requestTime\":\"" + TIME + "\", \"httpMethod\":\"GET\", "
                    + "\"resourcePath\":\"/pets\", \"status\":\"200\", \"protocol\":\"HTTP/1\\.1\", "
                    + "\"responseLength\":\"12\" }");
        }
    }

    @Test
    void customFormatsReadErrorsLatenciesAndTheStage() throws Exception {
        String format = "$context.requestId $context.stage $context.status $context.error.responseType "
                + "$context.error.messageString $context.integrationLatency $context.identity.apiKey "
                + "$context.identity.userAgent $context.apiId $context.domainName $context.path";
        try (ObservedApi.Captured log = new ObservedApi.Captured("turnpike.access");
                Gateway gateway = ObservedApi.gateway(Map.of("turnpike.stage.dev.accessLogSettings.format", format,
                        "turnpike.apiKeys.k1.value", "a-secret-api-key-0123456789",
                        "turnpike.usagePlans.p1.apiStages", "dev", "turnpike.usagePlans.p1.apiKeys", "k1"), null)) {
            ObservedApi.send(gateway, "/dev/keyed", new Headers().add("User-Agent", "curl/8").add("Host",
                    "abc.example.com:8443"));
            ObservedApi.send(gateway, "/dev/keyed", new Headers().add("x-api-key", "a-secret-api-key-0123456789"));
            assertThat(log.lines().get(0)).matches(ID
                    + " dev 403 INVALID_API_KEY \"Forbidden\" - - curl/8 abc1234567 abc\\.example\\.com /dev/keyed");
            assertThat(log.lines().get(1)).matches(ID + " dev 200 - - \\d+ \\*{8} - abc1234567 - /dev/keyed");
        }
    }

    @Test
    void unknownVariablesFailStartNamingTheKeyAndEveryVariable() {
        assertThatThrownBy(() -> ObservedApi.gateway(Map.of("turnpike.stage.dev.accessLogSettings.format",
                "$context.requestId $context.statsu $context.identity.ip"), null))
                .isInstanceOf(ConfigException.class)
                .hasMessage("invalid Turnpike configuration:\n  turnpike.stage.dev.accessLogSettings.format: unknown "
                        + "access log variables $context.statsu, $context.identity.ip (docs/configuration.md lists the "
                        + "$context variables)");
        assertThatThrownBy(() -> ObservedApi.gateway(Map.of("turnpike.stage.dev.accessLogSettings.format",
                "$context.status"), null))
                .isInstanceOf(ConfigException.class)
                .hasMessage("invalid Turnpike configuration:\n  turnpike.stage.dev.accessLogSettings.format: an access "
                        + "log format must include $context.requestId or $context.extendedRequestId");
    }

    @Test
    void theStageMustBeServed() {
        assertThatThrownBy(() -> ObservedApi.gateway(Map.of("turnpike.stages", "dev",
                "turnpike.stage.prod.accessLogSettings.format", "CLF"), null))
                .isInstanceOf(ConfigException.class)
                .hasMessage("invalid Turnpike configuration:\n  turnpike.stage.prod.*: stage 'prod' is not listed in "
                        + "turnpike.stages (dev)");
    }
}
