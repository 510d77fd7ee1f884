package dev.turnpike.runtime.integration;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One function served by a handler class in this JVM ({@link RequestHandler} or {@link RequestStreamHandler}).
 * Invocations run on the function's own threads, never the container's, at most {@code concurrency} at once (the
 * function's reserved concurrency); one more is refused with {@link Throttled}, as Lambda refuses it.
 */
final class InProcessFunction implements LambdaFunction {

    /** Lambda refused the invocation: every permit of the function's concurrency is taken. */
    static final class Throttled extends LambdaFunction.Throttled {
        private static final long serialVersionUID = 1L;

        Throttled(String function, int concurrency) {
            super("function " + function + " is at its concurrency limit of " + concurrency);
        }
    }

    /** The function ran and threw: the invocation's function error, reported as Lambda's Java runtime does. */
    static final class FunctionError extends LambdaFunction.FunctionError {
        private static final long serialVersionUID = 1L;

        FunctionError(Throwable cause) {
            super(cause.toString(), LambdaIntegration.errorPayload(cause), cause);
        }
    }

    private final String name;
    private final Object handler;
    private final Type inputType;
    private final int concurrency;
    private final Semaphore permits;
    private final ExecutorService threads;

    private InProcessFunction(String name, Object handler, Type inputType, int concurrency) {
        this.name = name;
        this.handler = handler;
        this.inputType = inputType;
        this.concurrency = concurrency;
        this.permits = new Semaphore(concurrency);
        AtomicInteger count = new AtomicInteger();
        ClassLoader loader = handler.getClass().getClassLoader();
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "turnpike-lambda-" + name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setContextClassLoader(loader);
            return thread;
        });
    }

    /**
     * Instantiates {@code handlerClass} once, as Lambda's runtime does at a cold start.
     *
     * @throws IllegalArgumentException when the class is neither kind of handler or cannot be instantiated
     */
    static InProcessFunction of(String name, Class<?> handlerClass, int concurrency) {
        Type inputType;
        if (RequestStreamHandler.class.isAssignableFrom(handlerClass)) {
            inputType = InputStream.class;
        } else if (RequestHandler.class.isAssignableFrom(handlerClass)) {
            inputType = handleRequestInput(handlerClass);
        } else {
            throw new IllegalArgumentException(handlerClass.getName() + " implements neither "
                    + RequestHandler.class.getName() + " nor " + RequestStreamHandler.class.getName());
        }
        Object handler;
        try {
            handler = handlerClass.getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new IllegalArgumentException("cannot instantiate " + handlerClass.getName() + ": " + e, e);
        }
        return new InProcessFunction(name, handler, inputType, concurrency);
    }

    /** The declared input type of {@code handleRequest(I, Context)}, not the erased bridge's {@code Object}. */
    private static Type handleRequestInput(Class<?> handlerClass) {
        Type found = Object.class;
        for (Method m : handlerClass.getMethods()) {
            if (m.getName().equals("handleRequest") && m.getParameterCount() == 2 && !m.isBridge()
                    && m.getParameterTypes()[1] == Context.class) {
                found = m.getGenericParameterTypes()[0];
            }
        }
        return found;
    }

    String name() {
        return name;
    }

    /**
     * Runs the function with {@code event} and completes with its JSON result; fails with {@link Throttled},
     * {@link FunctionError} (the handler threw, or its result is not JSON) or a {@link java.util.concurrent
     * .TimeoutException} after {@code timeoutMillis}, which also interrupts the handler.
     */
    @Override
    public CompletableFuture<JsonValue> invoke(JsonValue event, Context context, long timeoutMillis) {
        if (!permits.tryAcquire()) {
            return CompletableFuture.failedFuture(new Throttled(name, concurrency));
        }
        CompletableFuture<JsonValue> result = new CompletableFuture<>();
        Future<?> running;
        try {
            running = threads.submit(() -> {
                try {
                    result.complete(run(event, context));
                } catch (Throwable e) {
                    result.completeExceptionally(e instanceof InterruptedException ? e : new FunctionError(e));
                } finally {
                    permits.release();
                }
            });
        } catch (RuntimeException e) {
            permits.release();
            return CompletableFuture.failedFuture(e);
        }
        result.orTimeout(timeoutMillis, TimeUnit.MILLISECONDS).whenComplete((r, failure) -> {
            if (failure instanceof java.util.concurrent.TimeoutException) {
                running.cancel(true);
            }
        });
        return result;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private JsonValue run(JsonValue event, Context context) throws Exception {
        if (handler instanceof RequestStreamHandler stream) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            stream.handleRequest(new ByteArrayInputStream(event.toString().getBytes(StandardCharsets.UTF_8)),
                    out, context);
            return parse(out.toString(StandardCharsets.UTF_8));
        }
        Object input = inputType == InputStream.class
                ? new ByteArrayInputStream(event.toString().getBytes(StandardCharsets.UTF_8))
                : LambdaJson.fromJson(event, inputType);
        Object output = ((RequestHandler) handler).handleRequest(input, context);
        if (output instanceof OutputStream) {
            throw new IllegalStateException("a RequestHandler may not return a stream");
        }
        return LambdaJson.toJson(output);
    }

    /** A stream handler's output; empty output is JSON {@code null}, as Lambda reports it. */
    private static JsonValue parse(String output) {
        if (output.isBlank()) {
            return JsonValue.NULL;
        }
        try (JsonReader reader = Json.createReader(new StringReader(output))) {
            return reader.readValue();
        } catch (RuntimeException e) {
            throw new IllegalStateException("the handler's output is not JSON: " + e.getMessage(), e);
        }
    }

    /** Stops the function's threads; invocations in flight finish first. */
    @Override
    public void close() {
        threads.shutdown();
    }

    @Override
    public String toString() {
        return "function " + name + " in process: " + handler.getClass().getName() + ", concurrency " + concurrency;
    }
}
