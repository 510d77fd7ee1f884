package dev.turnpike.runtime.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.turnpike.runtime.pipeline.MethodResponse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lambda proxy results mapped as AWS maps them: every case of
 * {@code shared/conformance/lambda-events/rest-v1.proxy-response-validation.json} and
 * {@code rest-v1.proxy-binary-response.json} (recorded from AWS).
 */
class ProxyResultTest {

    static JsonObject load(String name) throws IOException {
        Path file = Path.of(System.getProperty("turnpike.shared", "../../shared"), "conformance", "lambda-events",
                name);
        try (Reader reader = Files.newBufferedReader(file); JsonReader json = Json.createReader(reader)) {
            return json.readObject();
        }
    }

    static Stream<Arguments> validationCases() throws IOException {
        return load("rest-v1.proxy-response-validation.json").getJsonArray("cases").stream()
                .map(JsonValue::asJsonObject)
                .map(c -> Arguments.of(c.getString("name"), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validationCases")
    void resultIsValidatedAndMappedAsRecorded(String name, JsonObject recordedCase) throws Exception {
        JsonValue result = recordedCase.get("lambdaResult");
        int expectedStatus = recordedCase.getInt("clientStatus");
        if (expectedStatus == 502) {
            assertThatThrownBy(() -> ProxyResult.map(result, null, List.of()))
                    .isInstanceOf(ProxyResult.Malformed.class);
            return;
        }
        MethodResponse response = ProxyResult.map(result, null, List.of());
        assertThat(response.status()).isEqualTo(expectedStatus);
        JsonObject recorded = recordedCase.getJsonObject("recorded");
        assertThat(text(response)).isEqualTo(((JsonString) recorded.get("content")).getString());
        if (recorded.containsKey("headers")) {
            JsonObject headers = recorded.getJsonObject("headers");
            for (String header : List.of("Content-Type", "Content-Length", "test-header", "header-bool",
                    "test-multi", "tesT-Multi")) {
                if (headers.containsKey(header)) {
                    assertThat(String.join(", ", response.headers().all(header))).as(header)
                            .isEqualTo(headers.getString(header));
                }
            }
            assertThat(headers.keySet()).contains(names(response).toArray(String[]::new));
        }
    }

    static Stream<Arguments> binaryCases() throws IOException {
        JsonObject file = load("rest-v1.proxy-binary-response.json");
        String body = file.getString("lambdaBodyBase64");
        return file.getJsonArray("cases").stream().map(JsonValue::asJsonObject)
                .map(c -> Arguments.of(c.getJsonArray("binaryMediaTypes") + " Accept " + c.getString("accept")
                        + " isBase64Encoded " + c.getBoolean("isBase64Encoded"), c, body));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("binaryCases")
    void base64BodyIsDecodedOnlyForABinaryFirstAccept(String name, JsonObject c, String body) throws Exception {
        JsonObject result = Json.createObjectBuilder().add("statusCode", 200).add("body", body)
                .add("isBase64Encoded", c.getBoolean("isBase64Encoded"))
                .add("headers", Json.createObjectBuilder().add("Content-Type", c.getString("contentType"))
                        .add("Cache-Control", "no-cache"))
                .build();
        List<String> binaryMediaTypes = c.getJsonArray("binaryMediaTypes").getValuesAs(JsonString::getString);
        MethodResponse response = ProxyResult.map(result, c.getString("accept"), binaryMediaTypes);
        byte[] expected = c.getBoolean("binary") ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.US_ASCII);
        assertThat(bytes(response)).isEqualTo(expected);
    }

    private static List<String> names(MethodResponse response) {
        List<String> names = new ArrayList<>();
        response.headers().forEach((n, v) -> names.add(n));
        return names;
    }

    static String text(MethodResponse response) throws Exception {
        return new String(bytes(response), StandardCharsets.UTF_8);
    }

    static byte[] bytes(MethodResponse response) throws Exception {
        CompletableFuture<byte[]> body = new CompletableFuture<>();
        response.body().subscribe(new Flow.Subscriber<>() {
            private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(List<ByteBuffer> items) {
                for (ByteBuffer b : items) {
                    byte[] chunk = new byte[b.remaining()];
                    b.get(chunk);
                    out.writeBytes(chunk);
                }
            }

            @Override
            public void onError(Throwable t) {
                body.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                body.complete(out.toByteArray());
            }
        });
        return body.get();
    }
}
