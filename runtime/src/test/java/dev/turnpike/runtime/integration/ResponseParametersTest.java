package dev.turnpike.runtime.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.runtime.http.Headers;
import org.junit.jupiter.api.Test;

class ResponseParametersTest {

    private static final String BODY = "{\"id\": 7, \"name\": \"rex\", \"tags\": [\"a\", {\"k\": true}], \"n\": null}";

    @Test
    void jsonPathIntoTheIntegrationResponseBody() {
        assertThat(ResponseParameters.jsonPath(BODY, "name")).isEqualTo("rex");
        assertThat(ResponseParameters.jsonPath(BODY, "$.id")).isEqualTo("7");
        assertThat(ResponseParameters.jsonPath(BODY, "tags[0]")).isEqualTo("a");
        assertThat(ResponseParameters.jsonPath(BODY, "tags[1].k")).isEqualTo("true");
        assertThat(ResponseParameters.jsonPath(BODY, "tags")).isEqualTo("[\"a\",{\"k\":true}]");
        assertThat(ResponseParameters.jsonPath(BODY, "missing")).isNull();
        assertThat(ResponseParameters.jsonPath(BODY, "n")).isNull();
        assertThat(ResponseParameters.jsonPath(BODY, "tags[5]")).isNull();
        assertThat(ResponseParameters.jsonPath("not json", "id")).isNull();
    }

    @Test
    void reservedHeadersAreRemappedAsAwsRemapsThem() {
        Headers headers = new Headers();
        ResponseParameters.put(headers, "Server", "mine");
        ResponseParameters.put(headers, "Transfer-Encoding", "chunked");
        ResponseParameters.put(headers, "X-Custom", "1");
        assertThat(headers.toString()).isEqualTo("x-amzn-Remapped-Server: mine\nX-Custom: 1\n");
    }
}
