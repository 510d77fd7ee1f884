package dev.turnpike.runtime.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.turnpike.runtime.config.ConfigException;
import dev.turnpike.runtime.config.TurnpikeConfig;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Handlers of every shape the Lambda Java runtime accepts, run off the caller's thread, bounded and timed. */
class InProcessFunctionTest {

    private static final JsonValue EVENT = Json.createObjectBuilder()
            .add("path", "/pets/7").add("httpMethod", "GET")
            .add("headers", Json.createObjectBuilder().add("Accept", "*/*"))
            .add("requestContext", Json.createObjectBuilder().add("stage", "dev").add("requestTimeEpoch", 1700000000000L)
                    .add("identity", Json.createObjectBuilder().add("sourceIp", "10.0.0.1")))
            .add("body", JsonValue.NULL).add("isBase64Encoded", false).build();

    public static final class EventsHandler
            implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
        @Override
        public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
            return new APIGatewayProxyResponseEvent().withStatusCode(200)
                    .withHeaders(Map.of("X-Fn", context.getFunctionName()))
                    .withBody(event.getPath() + " " + event.getRequestContext().getIdentity().getSourceIp() + " "
                            + event.getRequestContext().getRequestTimeEpoch() + " "
                            + event.getHeaders().get("Accept") + " "
                            + Thread.currentThread().getName().startsWith("turnpike-lambda-pets-"));
        }
    }

    public static final class MapHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            return Map.of("statusCode", 201, "body", String.valueOf(event.get("path")));
        }
    }

    public static final class StreamHandler implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws java.io.IOException {
            String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
            output.write(("{\"statusCode\":202,\"body\":" + Json.createValue(String.valueOf(event.length())) + "}")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    public static final class Failing implements RequestHandler<Map<String, Object>, String> {
        @Override
        public String handleRequest(Map<String, Object> event, Context context) {
            throw new IllegalStateException("boom");
        }
    }

    static final CountDownLatch RELEASE = new CountDownLatch(1);

    public static final class Blocking implements RequestHandler<Object, Object> {
        @Override
        public Object handleRequest(Object event, Context context) {
            try {
                RELEASE.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Map.of("statusCode", 200, "remaining", context.getRemainingTimeInMillis());
        }
    }

    public static final class NotAHandler {
    }

    private static LambdaContext context(String name, long timeoutMillis) {
        return new LambdaContext("id-1", new LambdaFunctionUri.Function(name, null), "us-east-1", "123456789012",
                System.nanoTime() + timeoutMillis * 1_000_000L);
    }

    @Test
    void eventsTypesAreBoundAndRunOnTheFunctionsThreads() throws Exception {
        try (InProcessFunction f = InProcessFunction.of("pets", EventsHandler.class, 2)) {
            JsonValue result = f.invoke(EVENT, context("pets", 1000), 1000).get();
            assertThat(result.asJsonObject().getInt("statusCode")).isEqualTo(200);
            assertThat(result.asJsonObject().getJsonObject("headers").getString("X-Fn")).isEqualTo("pets");
            assertThat(result.asJsonObject().getString("body")).isEqualTo("/pets/7 10.0.0.1 1700000000000 */* true");
        }
    }

    @Test
    void mapsAndStreamsAreAccepted() throws Exception {
        try (InProcessFunction map = InProcessFunction.of("m", MapHandler.class, 1);
                InProcessFunction stream = InProcessFunction.of("s", StreamHandler.class, 1)) {
            assertThat(map.invoke(EVENT, context("m", 1000), 1000).get().asJsonObject().getString("body"))
                    .isEqualTo("/pets/7");
            assertThat(stream.invoke(EVENT, context("s", 1000), 1000).get().asJsonObject().getString("body"))
                    .isEqualTo(Integer.toString(EVENT.toString().length()));
        }
    }

    @Test
    void thrownErrorIsAFunctionError() {
        try (InProcessFunction f = InProcessFunction.of("f", Failing.class, 1)) {
            assertThatThrownBy(() -> f.invoke(EVENT, context("f", 1000), 1000).get())
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(InProcessFunction.FunctionError.class)
                    .hasMessage("java.lang.IllegalStateException: boom");
        }
    }

    @Test
    void concurrencyLimitThrottlesAndTimeoutFails() throws Exception {
        try (InProcessFunction f = InProcessFunction.of("slow", Blocking.class, 1)) {
            var first = f.invoke(EVENT, context("slow", 100), 100);
            assertThatThrownBy(() -> f.invoke(EVENT, context("slow", 100), 100).get())
                    .cause().isInstanceOf(InProcessFunction.Throttled.class)
                    .hasMessage("function slow is at its concurrency limit of 1");
            assertThatThrownBy(first::get).cause().isInstanceOf(TimeoutException.class);
        }
    }

    @Test
    void contextTellsTheRemainingTime() throws Exception {
        LambdaContext context = context("pets", 2000);
        assertThat(context.getRemainingTimeInMillis()).isBetween(1500, 2000);
        assertThat(context.getInvokedFunctionArn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:pets");
        assertThat(context.getAwsRequestId()).isEqualTo("id-1");
    }

    @Test
    void badBindingsFailStartWithTheirKeys() {
        TurnpikeConfig config = TurnpikeConfig.from(Map.of(
                "turnpike.lambda.a", "no.such.Handler",
                "turnpike.lambda.b", NotAHandler.class.getName(),
                "turnpike.lambda.c.concurrency", "3"));
        assertThatThrownBy(() -> LambdaFunctions.load(config, getClass().getClassLoader()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("turnpike.lambda.a: handler class no.such.Handler not found")
                .hasMessageContaining("turnpike.lambda.b: " + NotAHandler.class.getName() + " implements neither "
                        + "com.amazonaws.services.lambda.runtime.RequestHandler nor "
                        + "com.amazonaws.services.lambda.runtime.RequestStreamHandler")
                .hasMessageContaining("turnpike.lambda.c.concurrency: no handler is bound to this function (set "
                        + "turnpike.lambda.c)");
    }
}
