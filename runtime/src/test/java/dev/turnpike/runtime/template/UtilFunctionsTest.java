package dev.turnpike.runtime.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code $util}, function by function, against AWS's recorded or documented outputs (SEMANTICS.md §2.9-2.10). */
class UtilFunctionsTest {

    final UtilFunctions util = UtilFunctions.INSTANCE;

    @Test
    void escapeJavaScriptEscapesBothQuotesSlashAndBackslash() {
        assertThat(util.escapeJavaScript("I'm \"x\" / \\")).isEqualTo("I\\'m \\\"x\\\" \\/ \\\\");
    }

    @Test
    void escapeJavaScriptWritesControlAndNonAsciiCharactersAsUpperCaseUnicodeEscapes() {
        assertThat(util.escapeJavaScript("\b\n\t\f\r\u0001\u001f")).isEqualTo("\\b\\n\\t\\f\\r\\u0001\\u001F");
        assertThat(util.escapeJavaScript("é\u0100\u2028\uD83D\uDE00")).isEqualTo("\\u00E9\\u0100\\u2028\\uD83D\\uDE00");
        assertThat(util.escapeJavaScript("plain <ascii> ~")).isEqualTo("plain <ascii> ~");
        assertThat(util.escapeJavaScript("bench/1.0 \u007f\u0080")).isEqualTo("bench\\/1.0 \u007f\\u0080");
        assertThat(util.escapeJavaScript(null)).isNull();
    }

    @Test
    void urlEncodeIsFormEncodingOfUtf8() {
        assertThat(util.urlEncode("{\"some\": \"value\"}")).isEqualTo("%7B%22some%22%3A+%22value%22%7D");
        assertThat(util.urlEncode("*~'é")).isEqualTo("*%7E%27%C3%A9");
        assertThat(util.urlEncode("")).isEmpty();
        assertThat(util.urlEncode(null)).isNull();
    }

    @Test
    void urlDecodeTurnsPlusIntoSpace() {
        assertThat(util.urlDecode("a+b%2B%C3%A9")).isEqualTo("a b+é");
        assertThat(util.urlDecode(null)).isNull();
        assertThatThrownBy(() -> util.urlDecode("%zz")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void base64EncodeIsStandardWithPaddingOfUtf8Bytes() {
        assertThat(util.base64Encode("{\"foo\": \"bar1\"}")).isEqualTo("eyJmb28iOiAiYmFyMSJ9");
        assertThat(util.base64Encode("{\"kinesis\": \"snapshot\"}")).isEqualTo("eyJraW5lc2lzIjogInNuYXBzaG90In0=");
        assertThat(util.base64Encode("é")).isEqualTo("w6k=");
        assertThat(util.base64Encode(null)).isNull();
    }

    @Test
    void base64DecodeGivesUtf8TextAndAcceptsMissingPadding() {
        assertThat(util.base64Decode("eyJtZXNzYWdlIjogInBhdGgyIn0=")).isEqualTo("{\"message\": \"path2\"}");
        assertThat(util.base64Decode("w6k")).isEqualTo("é");
        assertThat(util.base64Decode(null)).isNull();
        assertThatThrownBy(() -> util.base64Decode("!!")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parseJsonGivesTheObjectsInputPathGives() {
        Object parsed = util.parseJson("{\"key1\":\"var1\",\"key2\":{\"arr\":[1,2,3]}}");
        assertThat(parsed).isInstanceOf(Map.class).hasToString("{key1=var1, key2={arr=[1,2,3]}}");
        Object arr = ((Map<?, ?>) ((Map<?, ?>) parsed).get("key2")).get("arr");
        assertThat(arr).isEqualTo(List.of(1, 2, 3));
        assertThat(util.parseJson("\"text\"")).isEqualTo("text");
        assertThat(util.parseJson("12345678901234")).isEqualTo(12345678901234L);
        assertThat(util.parseJson(null)).isNull();
        assertThatThrownBy(() -> util.parseJson("{a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not JSON: Unexpected End Of File position 1: null");
    }
}
