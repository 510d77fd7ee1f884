package dev.turnpike.runtime.pipeline;

import dev.turnpike.runtime.http.ClientResponse;
import dev.turnpike.runtime.http.Headers;
import dev.turnpike.runtime.http.InMemoryRequest;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * One request run through a gateway's whole pipeline without a container, like API Gateway's
 * {@code TestInvokeMethod}: the answer, and the execution log of every step in AWS's words.
 */
public final class TestInvoke {

    /** What the method answered, and the log; {@code latencyMillis} is the whole request's. */
    public record Result(int status, Headers headers, byte[] body, List<String> log, long latencyMillis) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private TestInvoke() {
    }

    /**
     * Runs {@code method pathAndQuery} ({@code /stage/pets/1?x=1}, as a client would send it) with these headers and
     * body; with {@code dryRun} the request stops before its integration.
     */
    public static CompletableFuture<Result> run(Gateway gateway, String method, String pathAndQuery, Headers headers,
            byte[] body, boolean dryRun, Clock clock) {
        ExecutionLog log = ExecutionLog.recording(clock, dryRun);
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? null : pathAndQuery.substring(q + 1);
        long start = System.nanoTime();
        CompletableFuture<Result> result = new CompletableFuture<>();
        ClientResponse response = (status, responseHeaders, responseBody) -> collect(responseBody).whenComplete(
                (bytes, failure) -> {
                    if (failure != null) {
                        result.completeExceptionally(failure);
                        return;
                    }
                    log.add(() -> "Method response body after transformations: "
                            + new String(bytes, StandardCharsets.UTF_8));
                    log.add(() -> "Method response headers: " + ExecutionLog.map(MethodRequestLog.headers(
                            responseHeaders)));
                    if (status < 400) {
                        log.add("Successfully completed execution");
                    }
                    log.add("Method completed with status: " + status);
                    List<String> lines = new ArrayList<>();
                    lines.add("Execution log for request " + responseHeaders.first("x-amzn-RequestId"));
                    lines.addAll(log.lines());
                    result.complete(new Result(status, responseHeaders, bytes, List.copyOf(lines),
                            (System.nanoTime() - start) / 1_000_000));
                });
        gateway.handle(new InMemoryRequest(method, path, query, headers, body), response, log);
        return result;
    }

    private static CompletableFuture<byte[]> collect(Flow.Publisher<List<ByteBuffer>> body) {
        CompletableFuture<byte[]> bytes = new CompletableFuture<>();
        body.subscribe(new Flow.Subscriber<>() {
            private final ByteArrayOutputStream out = new ByteArrayOutputStream();

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(List<ByteBuffer> item) {
                for (ByteBuffer buffer : item) {
                    byte[] chunk = new byte[buffer.remaining()];
                    buffer.get(chunk);
                    out.write(chunk, 0, chunk.length);
                }
            }

            @Override
            public void onError(Throwable throwable) {
                bytes.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                bytes.complete(out.toByteArray());
            }
        });
        return bytes;
    }
}
