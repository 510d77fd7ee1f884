package dev.turnpike.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.pipeline.Gateway;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Access logs through the real filter in Jetty: a recorded set of requests, one line each in the stage's format
 * (AWS console's CLF on stage {@code clf}, its JSON on stage {@code json}), through SLF4J to the configured logger.
 * Each line is compared whole, with the ids the client got back in {@code x-amzn-RequestId} and
 * {@code x-amz-apigw-id}.
 */
class AccessLogLinesTest {

    private static final String TIME = "\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000";

    @TempDir
    static Path dir;

    static FilterInJetty jetty;
    static Lines clfLines;
    static Lines jsonLines;

    @BeforeAll
    static void start() throws Exception {
        clfLines = new Lines("turnpike.access");
        jsonLines = new Lines("it.access.json");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> config = new TreeMap<>();
        config.put("turnpike.apiId", "obs1234567");
        config.put("turnpike.stages", "clf,json");
        config.put("turnpike.stage.clf.variables.backend", "127.0.0.1:" + closedPort);
        config.put("turnpike.stage.clf.accessLogSettings.format", "CLF");
        config.put("turnpike.stage.json.accessLogSettings.format", "JSON");
        config.put("turnpike.stage.json.accessLogSettings.destination", "it.access.json");
        jetty = FilterInJetty.serve(TestTls.create(dir),
                Gateway.create(new ObservedApi(), TurnpikeConfig.from(config)));
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.close();
        clfLines.close();
        jsonLines.close();
    }

    @Test
    void clfLinesMatchTheConsoleFormat() throws Exception {
        List<String> expected = new ArrayList<>();
        for (String[] request : new String[][] {{"/clf/pets", "/pets 200"}, {"/clf/pets/7", "/pets/{petId} 200"},
                {"/clf/cats", "- 403"}, {"/clf/down", "/down 504"}}) {
            HttpResponse<String> response = get(request[0]);
            String[] answer = request[1].split(" ");
            assertThat(response.statusCode()).isEqualTo(Integer.parseInt(answer[1]));
            // $context.responseLength: the bytes of the body the client got
            int length = response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            expected.add(Pattern.quote("127.0.0.1 - - [") + TIME + Pattern.quote("] \"GET " + answer[0]
                    + " HTTP/1.1\" " + answer[1] + " " + length + " " + ids(response)));
        }
        List<String> lines = clfLines.lines();
        assertThat(lines).hasSize(expected.size());
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i)).matches(expected.get(i));
        }
    }

    @Test
    void jsonLinesMatchTheConsoleFormat() throws Exception {
        HttpResponse<String> ok = get("/json/pets/7");
        HttpResponse<String> missing = get("/json/nothing/here");
        List<String> lines = jsonLines.lines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches(json(ok, "/pets/{petId}", 200, 12));
        assertThat(lines.get(1)).matches(json(missing, "-", 403, 42));
    }

    private static String json(HttpResponse<String> response, String resourcePath, int status, int length) {
        String[] ids = ids(response).split(" ");
        return Pattern.quote("{ \"requestId\":\"" + ids[0] + "\", \"extendedRequestId\":\"" + ids[1]
                + "\", \"ip\": \"127.0.0.1\", \"caller\":\"-\", \"user\":\"-\", \"requestTime\":\"") + TIME
                + Pattern.quote("\", \"httpMethod\":\"GET\", \"resourcePath\":\"" + resourcePath + "\", \"status\":\""
                        + status + "\", \"protocol\":\"HTTP/1.1\", \"responseLength\":\"" + length + "\" }");
    }

    private static String ids(HttpResponse<String> response) {
        return response.headers().firstValue("x-amzn-RequestId").orElseThrow() + " "
                + response.headers().firstValue("x-amz-apigw-id").orElseThrow();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return jetty.client().send(HttpRequest.newBuilder(jetty.root().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** What SLF4J's JDK binding writes to one java.util.logging logger. */
    private static final class Lines extends Handler implements AutoCloseable {
        private final Logger logger;
        private final List<String> lines = new CopyOnWriteArrayList<>();

        Lines(String name) {
            logger = Logger.getLogger(name);
            logger.setUseParentHandlers(false);
            logger.addHandler(this);
        }

        List<String> lines() {
            return List.copyOf(lines);
        }

        @Override
        public void publish(LogRecord record) {
            lines.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
            logger.setUseParentHandlers(true);
        }
    }
}
