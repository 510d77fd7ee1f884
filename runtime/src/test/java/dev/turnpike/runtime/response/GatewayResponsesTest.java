package dev.turnpike.runtime.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GatewayResponsesTest {

    @Test
    void defaultGatewayResponseShape() {
        GatewayResponses.Rendered r = GatewayResponses.render(
                GatewayError.of(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN, "detail stays in the log"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
        assertThat(r.headers().first("x-amzn-ErrorType")).isEqualTo("MissingAuthenticationTokenException");
        assertThat(r.headers().first("content-type")).isEqualTo("application/json");
    }

    @Test
    void messagesAreJsonQuoted() {
        assertThat(Json.quote("a\"b\\c\n\u0001")).isEqualTo("\"a\\\"b\\\\c\\n\\u0001\"");
    }
}
