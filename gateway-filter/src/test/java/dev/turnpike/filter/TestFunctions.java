package dev.turnpike.filter;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** The in-process Lambda handlers of the filter's tests, bound with {@code turnpike.lambda.<name>}. */
final class TestFunctions {

    /** The last event the capturing function received, as the bytes it read. */
    static final AtomicReference<String> CAPTURED = new AtomicReference<>();

    private TestFunctions() {
    }

    /** Keeps the event and answers 200. */
    public static final class Capture implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            CAPTURED.set(new String(input.readAllBytes(), StandardCharsets.UTF_8));
            output.write("{\"statusCode\": 200, \"body\": \"captured\"}".getBytes(StandardCharsets.UTF_8));
        }
    }

    public static final class Boom implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            throw new IllegalStateException("boom");
        }
    }

    /** Returns a member API Gateway does not know. */
    public static final class Malformed implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            return Map.of("statusCode", 200, "wrongValue", "value");
        }
    }

    /** Sleeps past its 300 ms integration timeout. */
    public static final class Slow implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        /** Invocations started, so a test waits for the first to hold its permit instead of sleeping. */
        public static final AtomicInteger STARTED = new AtomicInteger();

        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            STARTED.incrementAndGet();
            try {
                Thread.sleep(context.getRemainingTimeInMillis() + 2_000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Map.of("statusCode", 200);
        }
    }

    /** A function behind a custom (AWS) integration: its errors are selected by their message. */
    public static final class Custom implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            Object name = event.get("name");
            if ("missing".equals(name)) {
                throw new IllegalArgumentException("Not found: missing");
            }
            if ("crash".equals(name)) {
                throw new IllegalStateException("crash");
            }
            return Map.of("hello", name);
        }
    }
}
