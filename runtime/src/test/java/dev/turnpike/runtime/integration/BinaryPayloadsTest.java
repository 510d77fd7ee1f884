package dev.turnpike.runtime.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BinaryPayloadsTest {

    @Test
    void binaryWhenTheMediaTypeMatchesAsAwsMatches() {
        List<String> types = List.of("image/png", "application/*");
        assertThat(BinaryPayloads.isBinary("image/png", types)).isTrue();
        assertThat(BinaryPayloads.isBinary("Image/PNG; q=1", types)).isTrue();
        assertThat(BinaryPayloads.isBinary("application/whatever", types)).isTrue();
        assertThat(BinaryPayloads.isBinary("image/jpeg", types)).isFalse();
        assertThat(BinaryPayloads.isBinary(null, types)).isFalse();
        assertThat(BinaryPayloads.isBinary("image/png", List.of("*/png"))).isFalse();
        assertThat(BinaryPayloads.isBinary("text/plain", List.of("*/*"))).isTrue();
        assertThat(BinaryPayloads.isBinary("text/plain", List.of())).isFalse();
    }

    @Test
    void contentHandlingConvertsBetweenBinaryAndBase64Text() {
        byte[] bytes = {(byte) 0x89, 'P', 'N', 'G'};
        assertThat(new String(BinaryPayloads.convert(bytes, true, "CONVERT_TO_TEXT"), StandardCharsets.US_ASCII))
                .isEqualTo("iVBORw==");
        assertThat(BinaryPayloads.convert("iVBORw==".getBytes(StandardCharsets.US_ASCII), false, "CONVERT_TO_BINARY"))
                .isEqualTo(bytes);
        assertThat(BinaryPayloads.convert(bytes, true, null)).isSameAs(bytes);
        assertThat(BinaryPayloads.convert(bytes, true, "CONVERT_TO_BINARY")).isSameAs(bytes);
        byte[] text = "plain".getBytes(StandardCharsets.UTF_8);
        assertThat(BinaryPayloads.convert(text, false, "CONVERT_TO_TEXT")).isSameAs(text);
        assertThatThrownBy(() -> BinaryPayloads.convert("not base64!".getBytes(StandardCharsets.UTF_8), false,
                "CONVERT_TO_BINARY")).isInstanceOf(BinaryPayloads.NotBase64.class);
    }
}
