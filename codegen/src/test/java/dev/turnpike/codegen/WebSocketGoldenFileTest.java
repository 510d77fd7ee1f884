package dev.turnpike.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.runtime.websocket.WebSocketApi;
import dev.turnpike.runtime.websocket.WebSocketIntegration;
import dev.turnpike.runtime.websocket.WebSocketRoute;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins the generated source of {@code golden/chat.yaml}, a WebSocket API (MOCK, AWS_PROXY, HTTP and HTTP_PROXY
 * routes, two-way routes, an API key on {@code $connect}). After a deliberate change, run with
 * {@code -Dturnpike.updateGoldens=true} and review the diff of {@code src/test/resources/golden/chat/}.
 */
class WebSocketGoldenFileTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final List<String> FILES = List.of(
            "turnpike/generated/chat/ChatWebSocketApi.java",
            "META-INF/services/dev.turnpike.runtime.websocket.WebSocketApi");

    @TempDir
    Path out;

    @Test
    void generatedSourceMatchesTheGoldenFiles() throws IOException {
        GenerationResult result = Generator.generate(new GenerationRequest(List.of(GOLDEN.resolve("chat.yaml")),
                out.resolve("java"), out.resolve("resources"), "turnpike.generated"));

        assertThat(result.diagnostics()).isEmpty();
        assertThat(out.resolve("resources/META-INF/services/dev.turnpike.runtime.model.GeneratedApi")).doesNotExist();
        for (String file : FILES) {
            Path generated = (file.startsWith("META-INF") ? out.resolve("resources") : out.resolve("java")).resolve(file);
            Path golden = GOLDEN.resolve("chat").resolve(Path.of(file).getFileName());
            if (Boolean.getBoolean("turnpike.updateGoldens")) {
                Files.copy(generated, golden, StandardCopyOption.REPLACE_EXISTING);
            }
            assertThat(generated).as(file + " against " + golden + " (-Dturnpike.updateGoldens=true rewrites it)")
                    .hasSameTextualContentAs(golden);
        }
    }

    @Test
    void theGeneratedApiCompilesWithoutWarningsAndIsFoundByServiceLoader() throws Exception {
        Generator.generate(new GenerationRequest(List.of(GOLDEN.resolve("chat.yaml")), out.resolve("java"),
                out.resolve("resources"), "turnpike.generated"));
        try (URLClassLoader loader = TestCompiler.compile(List.of(out.resolve("java")),
                List.of(out.resolve("resources")), out.resolve("classes"))) {
            WebSocketApi api = ServiceLoader.load(WebSocketApi.class, loader).findFirst().orElseThrow();
            assertThat(api.name()).isEqualTo("chat");
            assertThat(api.title()).isEqualTo("Chat");
            assertThat(api.deploymentId()).matches("[a-z0-9]{1,10}");
            assertThat(api.routes()).containsOnlyKeys("$connect", "$disconnect", "$default", "sendmessage", "history",
                    "relay");
            WebSocketRoute connect = api.routes().get("$connect");
            assertThat(connect.apiKeyRequired()).isTrue();
            assertThat(connect.integration().type()).isEqualTo(WebSocketIntegration.Type.MOCK);
            assertThat(connect.integration().requestTemplate()).isEqualTo("{\"statusCode\": 200}");
            assertThat(api.routes().get("$default").twoWay()).isTrue();
            assertThat(api.routes().get("sendmessage").twoWay()).isFalse();
            assertThat(api.routes().get("sendmessage").integration().timeoutMillis()).isEqualTo(5000);
            assertThat(api.routes().get("sendmessage").integration().uri()).endsWith(":function:Chat/invocations");
            assertThat(api.routes().get("history").integration().httpMethod()).isEqualTo("PUT");
            assertThat(api.routes().get("relay").integration().type()).isEqualTo(WebSocketIntegration.Type.HTTP_PROXY);
            assertThat(api.routes().get("relay").integration().httpMethod()).isEqualTo("POST");
        }
    }
}
