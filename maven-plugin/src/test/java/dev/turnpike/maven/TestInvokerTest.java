package dev.turnpike.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code turnpike:invoke}: the definition generated, compiled and run for one request, printed like AWS's test. */
class TestInvokerTest {

    @TempDir
    Path folder;

    private TestInvoker.Request request(Path definition, String path, String headers, String body, boolean dryRun) {
        return new TestInvoker.Request(definition, folder, "qa", null, null, null, TestClasspath.entries(), "get",
                path, headers, body, dryRun);
    }

    @Test
    void printsStatusBodyHeadersAndTheExecutionLog() throws Exception {
        Path definition = Files.writeString(folder.resolve("ping.yaml"), PingApi.DEFINITION);
        List<String> printed = TestInvoker.invoke(request(definition, "/ping?loud=yes", "Accept:application/json",
                null, false));
        assertThat(printed.subList(0, 2)).containsExactly("Request: GET /qa/ping?loud=yes", "Status: 200");
        assertThat(printed).contains("Response body:", "{\"pong\":true}", "Logs:")
                .anyMatch(line -> line.endsWith(" : HTTP Method: GET, Resource Path: /ping"))
                .anyMatch(line -> line.endsWith(" : Method request query string: {loud=yes}"))
                .anyMatch(line -> line.endsWith(" : Method request headers: {Accept=application/json}"))
                .anyMatch(line -> line.endsWith(" : Endpoint request body after transformations: {\"statusCode\": 200}"))
                .anyMatch(line -> line.endsWith(" : Method completed with status: 200"));
    }

    @Test
    void aDryRunSaysSoAndCallsNothing() throws Exception {
        Path definition = Files.writeString(folder.resolve("ping.yaml"), PingApi.DEFINITION);
        List<String> printed = TestInvoker.invoke(request(definition, "/ping", null, "@" + definition, true));
        assertThat(printed.get(0)).isEqualTo("Request: GET /qa/ping (dry run: the integration is not called)");
        assertThat(printed).anyMatch(line -> line.endsWith(" : Dry run: the MOCK integration is not called"))
                .anyMatch(line -> line.contains("Method request body before transformations: openapi: 3.0.1"));
    }

    @Test
    void badPropertiesAreNamed() {
        Path definition = folder.resolve("ping.yaml");
        assertThatThrownBy(() -> TestInvoker.invoke(request(definition, "/ping", "NoColon", null, false)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Turnpike: ");
        assertThatThrownBy(() -> TestInvoker.headers("Accept"))
                .hasMessage("Turnpike: -Dturnpike.headers: expected Name:value pairs separated by commas, got"
                        + " 'Accept'");
        assertThatThrownBy(() -> TestInvoker.body("@" + folder.resolve("missing.json")))
                .hasMessageStartingWith("Turnpike: -Dturnpike.body=@");
    }
}
