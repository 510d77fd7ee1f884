package dev.turnpike.runtime.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.turnpike.runtime.model.GatewayResponseSpec;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomisedGatewayResponsesTest {

    private static final ErrorRequest REQUEST = new ErrorRequest(Map.of("id", "7"), Map.of("q", List.of("1", "2")),
            Map.of("X-Trace", List.of("t-1")), Map.of("env", "test"),
            Map.of("requestId", "req-1", "stage", "dev"));

    @Test
    void customisedTypeUsesItsStatusParametersAndTemplate() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("gatewayresponse.header.Access-Control-Allow-Origin", "'*'");
        parameters.put("gatewayresponse.header.X-Trace", "method.request.header.x-trace");
        parameters.put("gatewayresponse.header.X-Q", "method.request.querystring.q");
        parameters.put("gatewayresponse.header.X-Id", "method.request.path.id");
        parameters.put("gatewayresponse.header.X-Env", "stageVariables.env");
        parameters.put("gatewayresponse.header.X-Request", "context.requestId");
        parameters.put("gatewayresponse.header.X-Missing", "method.request.header.absent");
        GatewayResponses responses = GatewayResponses.of(Map.of(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN,
                new GatewayResponseSpec("404", parameters, Map.of("application/json",
                        "{\"error\":$context.error.messageString,\"type\":\"$context.error.responseType\","
                                + "\"stage\":\"$context.stage\"}"), "/x")), "api.json");

        GatewayResponses.Rendered r = responses.render(
                GatewayError.of(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN), () -> REQUEST);

        assertThat(r.status()).isEqualTo(404);
        assertThat(body(r)).isEqualTo(
                "{\"error\":\"Missing Authentication Token\",\"type\":\"MISSING_AUTHENTICATION_TOKEN\",\"stage\":\"dev\"}");
        assertThat(r.headers().first("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(r.headers().first("X-Trace")).isEqualTo("t-1");
        assertThat(r.headers().first("X-Q")).isEqualTo("2");
        assertThat(r.headers().first("X-Id")).isEqualTo("7");
        assertThat(r.headers().first("X-Env")).isEqualTo("test");
        assertThat(r.headers().first("X-Request")).isEqualTo("req-1");
        assertThat(r.headers().contains("X-Missing")).isFalse();
        assertThat(r.headers().first("Content-Type")).isEqualTo("application/json");
        assertThat(r.headers().first("x-amzn-ErrorType")).isEqualTo("MissingAuthenticationTokenException");
    }

    @Test
    void uncustomisedTypesFallBackToDefault4xxOr5xxByStatusClass() {
        GatewayResponses responses = GatewayResponses.of(Map.of(
                GatewayResponseType.DEFAULT_4XX, new GatewayResponseSpec(null, Map.of(),
                        Map.of("application/json", "{\"four\":$context.error.messageString}"), "/4"),
                GatewayResponseType.DEFAULT_5XX, new GatewayResponseSpec("599", Map.of(),
                        Map.of("text/plain", "five: $context.error.message"), "/5")), "api.json");

        GatewayResponses.Rendered throttled = responses.render(GatewayError.of(GatewayResponseType.THROTTLED), () -> REQUEST);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(body(throttled)).isEqualTo("{\"four\":\"Too Many Requests\"}");

        GatewayResponses.Rendered timeout = responses.render(
                GatewayError.of(GatewayResponseType.INTEGRATION_TIMEOUT), () -> REQUEST);
        assertThat(timeout.status()).isEqualTo(599);
        assertThat(body(timeout)).isEqualTo("five: Endpoint request timed out");
        assertThat(timeout.headers().first("Content-Type")).isEqualTo("text/plain");
        assertThat(timeout.headers().first("x-amzn-ErrorType")).isEqualTo("InternalServerErrorException");
    }

    @Test
    void withoutTemplatesTheDefaultBodyIsKept() {
        GatewayResponses responses = GatewayResponses.of(Map.of(GatewayResponseType.QUOTA_EXCEEDED,
                new GatewayResponseSpec("429", Map.of("gatewayresponse.header.Retry-After", "'31536000'"), Map.of(),
                        "/q")), "api.json");
        GatewayResponses.Rendered r = responses.render(GatewayError.of(GatewayResponseType.QUOTA_EXCEEDED), () -> REQUEST);
        assertThat(r.status()).isEqualTo(429);
        assertThat(body(r)).isEqualTo("{\"message\":\"Limit Exceeded\"}");
        assertThat(r.headers().first("Retry-After")).isEqualTo("31536000");
    }

    @Test
    void customisedIntegrationFailureWithoutStatusAnswers500AsRecorded() {
        GatewayResponses responses = GatewayResponses.of(Map.of(GatewayResponseType.INTEGRATION_FAILURE,
                new GatewayResponseSpec(null, Map.of(), Map.of(), "/f")), "api.json");
        assertThat(responses.render(GatewayError.of(GatewayResponseType.INTEGRATION_FAILURE), () -> REQUEST).status())
                .isEqualTo(500);
    }

    @Test
    void validationErrorStringIsVisible() {
        GatewayResponses responses = GatewayResponses.of(Map.of(GatewayResponseType.BAD_REQUEST_BODY,
                new GatewayResponseSpec("400", Map.of(), Map.of("application/json",
                        "{\"Invalid Request Body\": \"$context.error.validationErrorString\"}"), "/b")), "api.json");
        GatewayResponses.Rendered r = responses.render(new GatewayError(GatewayResponseType.BAD_REQUEST_BODY,
                "Invalid request body", null, "[object has missing required properties ([\"a\"])]"), () -> REQUEST);
        assertThat(body(r)).isEqualTo(
                "{\"Invalid Request Body\": \"[object has missing required properties ([\"a\"])]\"}");
    }

    @Test
    void forbiddenFrontDoorAnswerIsNeverCustomised() {
        GatewayResponses responses = GatewayResponses.of(Map.of(GatewayResponseType.DEFAULT_4XX,
                new GatewayResponseSpec("418", Map.of(), Map.of(), "/4")), "api.json");
        assertThat(responses.render(GatewayError.of(GatewayResponseType.FORBIDDEN), () -> REQUEST).status()).isEqualTo(403);
    }

    @Test
    void aBrokenTemplateFailsAtBuildNotPerRequest() {
        assertThatThrownBy(() -> GatewayResponses.of(Map.of(GatewayResponseType.DEFAULT_4XX,
                new GatewayResponseSpec(null, Map.of(), Map.of("application/json", "#if("), "/4")), "api.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("api.json /4/responseTemplates/application~1json");
    }

    private static String body(GatewayResponses.Rendered r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    /** A failed Lambda proxy call: 502 by default, the API's DEFAULT_5XX body and status when customised. */
    @Test
    void anErrorWithItsOwnStatusKeepsItUnlessTheApiCustomisesIt() {
        GatewayError lambdaFailed = GatewayError.withStatus(GatewayResponseType.DEFAULT_5XX, 502, "handler threw");

        GatewayResponses.Rendered plain = GatewayResponses.render(lambdaFailed);
        assertThat(plain.status()).isEqualTo(502);
        assertThat(body(plain)).isEqualTo("{\"message\":\"Internal server error\"}");

        GatewayResponses bodyOnly = GatewayResponses.of(Map.of(GatewayResponseType.DEFAULT_5XX,
                new GatewayResponseSpec(null, Map.of(), Map.of("application/json", "{\"oops\":true}"), "/5")),
                "api.json");
        GatewayResponses.Rendered custom = bodyOnly.render(lambdaFailed, () -> REQUEST);
        assertThat(custom.status()).isEqualTo(502);
        assertThat(body(custom)).isEqualTo("{\"oops\":true}");

        GatewayResponses withStatus = GatewayResponses.of(Map.of(GatewayResponseType.DEFAULT_5XX,
                new GatewayResponseSpec("503", Map.of(), Map.of(), "/5")), "api.json");
        assertThat(withStatus.render(lambdaFailed, () -> REQUEST).status()).isEqualTo(503);
    }
}
