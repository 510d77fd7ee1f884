package dev.turnpike.runtime.integration;

import com.amazonaws.services.lambda.runtime.Context;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/**
 * Functions run by Lambda itself, called through its Invoke API ({@code RequestResponse}) with one
 * {@link LambdaAsyncClient} on Netty, so no gateway or container thread waits on an invocation. Credentials come
 * from the SDK's default provider chain (environment, system properties, profile, container or instance role).
 *
 * <p>This is the only class that touches the Lambda client: it is loaded only when a function is configured
 * {@code remote}, so gateways without one need no AWS SDK.
 */
final class RemoteLambdaFunctions implements AutoCloseable {

    /** Lambda's answer to an invocation over the function's concurrency (TooManyRequestsException). */
    private static final int TOO_MANY_REQUESTS = 429;

    private final LambdaAsyncClient client;

    private RemoteLambdaFunctions(LambdaAsyncClient client) {
        this.client = client;
    }

    /**
     * A client for Lambda in {@code region}, at {@code endpoint} when set (a local Lambda), else at AWS's. The SDK
     * does not retry: API Gateway calls a function once, and a throttled call must answer at once.
     */
    static RemoteLambdaFunctions create(String region, URI endpoint) {
        var builder = LambdaAsyncClient.builder()
                .region(Region.of(region))
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .httpClientBuilder(NettyNioAsyncHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return new RemoteLambdaFunctions(builder.build());
    }

    /** The function {@code name}; the client is shared, so closing the function leaves it open. */
    LambdaFunction function(String name) {
        return new LambdaFunction() {
            @Override
            public CompletableFuture<JsonValue> invoke(JsonValue event, Context context, long timeoutMillis) {
                return RemoteLambdaFunctions.this.invoke(name, event, context, timeoutMillis);
            }

            @Override
            public void close() {
            }

            @Override
            public String toString() {
                return "function " + name + " on Lambda";
            }
        };
    }

    private CompletableFuture<JsonValue> invoke(String name, JsonValue event, Context context, long timeoutMillis) {
        InvokeRequest request = InvokeRequest.builder()
                .functionName(name)
                .qualifier(qualifier(name, context))
                .invocationType(InvocationType.REQUEST_RESPONSE)
                .payload(SdkBytes.fromUtf8String(event.toString()))
                .build();
        CompletableFuture<InvokeResponse> call = client.invoke(request);
        CompletableFuture<JsonValue> result = new CompletableFuture<>();
        call.whenComplete((response, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure(name, failure));
                return;
            }
            try {
                result.complete(result(name, response));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        result.orTimeout(timeoutMillis, TimeUnit.MILLISECONDS).whenComplete((value, failure) -> {
            if (failure instanceof TimeoutException) {
                call.cancel(true);
            }
        });
        return result;
    }

    /** The alias or version after the name in the invoked ARN ({@code ...:function:name:live}), or none. */
    private static String qualifier(String name, Context context) {
        String arn = context.getInvokedFunctionArn();
        String function = ":function:" + name + ":";
        int at = arn.lastIndexOf(function);
        return at < 0 ? null : arn.substring(at + function.length());
    }

    /** The function's result, or its error: Lambda answers 200 for both and names the error in a header. */
    private static JsonValue result(String name, InvokeResponse response) {
        String payload = response.payload() == null ? "" : response.payload().asUtf8String();
        JsonValue value = parse(name, payload);
        if (response.functionError() != null) {
            throw new LambdaFunction.FunctionError("function " + name + " failed (" + response.functionError()
                    + "): " + payload, value, null);
        }
        return value;
    }

    private static JsonValue parse(String name, String payload) {
        if (payload.isBlank()) {
            return JsonValue.NULL;
        }
        try (JsonReader reader = Json.createReader(new StringReader(payload))) {
            return reader.readValue();
        } catch (RuntimeException e) {
            throw new IllegalStateException("the result of function " + name + " is not JSON: " + e.getMessage(), e);
        }
    }

    private static Throwable failure(String name, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof LambdaException refused && refused.statusCode() == TOO_MANY_REQUESTS) {
            return new LambdaFunction.Throttled("function " + name + " is throttled by Lambda: "
                    + refused.awsErrorDetails().errorMessage());
        }
        if (cause instanceof SdkClientException) {
            return new LambdaFunction.Unreachable("Lambda did not answer for function " + name + ": "
                    + cause.getMessage(), cause);
        }
        return cause;
    }

    @Override
    public void close() {
        client.close();
    }
}
