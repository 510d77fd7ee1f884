package dev.turnpike.runtime.integration;

import dev.turnpike.runtime.http.ClientResponse;
import dev.turnpike.runtime.http.Headers;
import dev.turnpike.runtime.http.InMemoryRequest;
import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.pipeline.Gateway;
import dev.turnpike.runtime.routing.RouteNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/** Requests through a whole {@link Gateway}, as a container would send them, and an API made of given methods. */
final class GatewayCalls {

    /** What the client received. */
    record Answer(int status, Headers headers, String body) {
    }

    private GatewayCalls() {
    }

    /** Sends {@code method path} with {@code body} (JSON) and waits for the answer. */
    static Answer send(Gateway gateway, String method, String path, String body) throws Exception {
        return send(gateway, method, path, body, new Headers());
    }

    /** As {@link #send(Gateway, String, String, String)}, with these headers too. */
    static Answer send(Gateway gateway, String method, String path, String body, Headers headers) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        headers.add("Host", "abc1234567.execute-api.us-east-1.amazonaws.com");
        if (bytes.length > 0) {
            headers.add("Content-Type", "application/json").add("Content-Length", Integer.toString(bytes.length));
        }
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        gateway.handle(new InMemoryRequest(method, path, null, headers, bytes), response(answer));
        return answer.get(10, TimeUnit.SECONDS);
    }

    private static ClientResponse response(CompletableFuture<Answer> answer) {
        return (status, headers, body) -> body.subscribe(new Flow.Subscriber<>() {
            private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(List<ByteBuffer> buffers) {
                for (ByteBuffer buffer : buffers) {
                    byte[] chunk = new byte[buffer.remaining()];
                    buffer.get(chunk);
                    bytes.writeBytes(chunk);
                }
            }

            @Override
            public void onError(Throwable failure) {
                answer.completeExceptionally(failure);
            }

            @Override
            public void onComplete() {
                answer.complete(new Answer(status, headers, bytes.toString(StandardCharsets.UTF_8)));
            }
        });
    }

    /** An API of these methods, each on its own literal resource path ({@code /a/b}). */
    static GeneratedApi api(List<Operation> operations) {
        return new GeneratedApi() {
            @Override
            public String name() {
                return "integrations";
            }

            @Override
            public String title() {
                return "integrations";
            }

            @Override
            public String deploymentId() {
                return "dep1234567";
            }

            @Override
            public String source() {
                return "GatewayCalls";
            }

            @Override
            public RouteNode routes() {
                return node("/", operations);
            }

            @Override
            public List<Operation> operations() {
                return operations;
            }
        };
    }

    /** The resource {@code path} with its methods and, below it, one literal child per next segment. */
    private static RouteNode node(String path, List<Operation> operations) {
        RouteNode.Builder node = RouteNode.resource(path);
        Map<String, List<Operation>> below = new TreeMap<>();
        String prefix = path.equals("/") ? "/" : path + "/";
        for (Operation operation : operations) {
            String resource = operation.resourcePath();
            if (resource.equals(path)) {
                node.method(operation);
            } else if (resource.startsWith(prefix)) {
                String segment = resource.substring(prefix.length()).split("/")[0];
                below.computeIfAbsent(segment, s -> new ArrayList<>()).add(operation);
            }
        }
        below.forEach((segment, ops) -> node.literal(segment, node(prefix + segment, ops)));
        return node.build();
    }
}
