package dev.turnpike.runtime.integration;

import com.amazonaws.services.lambda.runtime.Context;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.concurrent.CompletableFuture;

/**
 * A Lambda function the gateway can invoke: in this JVM ({@link InProcessFunction}) or through Lambda's Invoke API
 * ({@link RemoteLambdaFunctions}). The two differ only in how the JSON result is obtained; the integrations and
 * authorizers map results and failures the same way for both.
 */
interface LambdaFunction extends AutoCloseable {

    /**
     * Runs the function with {@code event} and completes with its JSON result; fails with {@link Throttled},
     * {@link FunctionError}, {@link Unreachable} or a {@link java.util.concurrent.TimeoutException} after
     * {@code timeoutMillis}.
     */
    CompletableFuture<JsonValue> invoke(JsonValue event, Context context, long timeoutMillis);

    /** Releases what the function holds; invocations in flight finish first. */
    @Override
    void close();

    /** Lambda refused the invocation: the function is at its concurrency limit. */
    class Throttled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Throttled(String message) {
            super(message, null, false, false);
        }
    }

    /** The function ran and failed: the invocation's function error, with Lambda's error payload. */
    class FunctionError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient JsonValue payload;

        /**
         * @param payload what Lambda returns for the error: {@code {"errorMessage", "errorType", "stackTrace"}}
         */
        FunctionError(String message, JsonValue payload, Throwable cause) {
            super(message, cause);
            this.payload = payload;
        }

        /** The error payload Lambda returns in place of a result. */
        JsonValue payload() {
            return payload;
        }

        /**
         * The payload's {@code errorMessage}, which AWS matches {@code selectionPattern}s against and which a
         * Lambda authorizer sets to {@code Unauthorized}; empty when there is none.
         */
        String errorMessage() {
            if (payload instanceof JsonObject error && error.get("errorMessage") instanceof JsonString text) {
                return text.getString();
            }
            return "";
        }
    }

    /** Lambda could not be reached: no answer from its endpoint. */
    class Unreachable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
