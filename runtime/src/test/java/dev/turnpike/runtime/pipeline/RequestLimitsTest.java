package dev.turnpike.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.runtime.http.ClientRequest;
import dev.turnpike.runtime.http.Headers;
import dev.turnpike.runtime.response.GatewayError;
import dev.turnpike.runtime.response.GatewayResponseType;
import dev.turnpike.runtime.response.GatewayResponses;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestLimitsTest {

    private static final String HOST = "abc1234567.execute-api.us-east-1.amazonaws.com";

    private static ClientRequest get(String path, String query, Headers headers) {
        return ExchangeFixture.request("GET", path, query, headers.set("Host", HOST));
    }

    @Test
    void aUrlOfTenThousandTwoHundredFortyCharactersPassesOneMoreIs414() {
        int room = RequestLimits.MAX_URL_CHARS - "https://".length() - HOST.length() - "/dev/".length();
        // Alone the URL is within its limit; the request line is then within the header section's too.
        assertThat(RequestLimits.check(get("/dev/" + "a".repeat(room - 200), null, new Headers()))).isNull();
        GatewayError over = RequestLimits.check(get("/dev/" + "a".repeat(room - 9), "q=" + "b".repeat(8),
                new Headers()));
        assertThat(over).isNotNull();
        GatewayResponses.Rendered rendered = GatewayResponses.render(over);
        assertThat(rendered.status()).isEqualTo(414);
        assertThat(new String(rendered.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"message\":\"Request-URI Too Long\"}");
        assertThat(rendered.headers().first("x-amzn-ErrorType")).isEqualTo("BadRequestException");
    }

    @Test
    void headerValuesAndTheRequestLineOverTenThousandTwoHundredFortyBytesAre431() {
        String requestLine = "GET /dev/x HTTP/1.1";
        int room = RequestLimits.MAX_HEADER_BYTES - requestLine.length() - HOST.length();
        assertThat(RequestLimits.check(get("/dev/x", null, new Headers().add("X-A", "a".repeat(room))))).isNull();
        GatewayError over = RequestLimits.check(get("/dev/x", null, new Headers().add("X-A", "a".repeat(room + 1))));
        GatewayResponses.Rendered rendered = GatewayResponses.render(over);
        assertThat(rendered.status()).isEqualTo(431);
        assertThat(new String(rendered.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"message\":\"Request Header Fields Too Large\"}");
    }

    @Test
    void theFrontDoorsRefusalsAreNotCustomisable() {
        GatewayError over = RequestLimits.check(get("/dev/x", null, new Headers().add("X-A", "a".repeat(20_000))));
        assertThat(over.type()).isEqualTo(GatewayResponseType.FORBIDDEN);
    }
}
