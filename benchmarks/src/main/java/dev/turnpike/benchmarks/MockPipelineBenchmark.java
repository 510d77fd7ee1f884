package dev.turnpike.benchmarks;

import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.http.ClientRequest;
import dev.turnpike.runtime.http.ClientResponse;
import dev.turnpike.runtime.http.Headers;
import dev.turnpike.runtime.http.InMemoryRequest;
import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.model.IntegrationResponse;
import dev.turnpike.runtime.model.IntegrationType;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.pipeline.Gateway;
import dev.turnpike.runtime.routing.RouteNode;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole in-memory pipeline for a MOCK request: HTTPS check, stage, route, integration response selection and
 * the response handed to the container view, without any container or network.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MockPipelineBenchmark {

    static final Operation PING = Operation.on("GET", "/pets/{petId}")
            .integration(Integration.of(IntegrationType.MOCK)
                    .requestTemplate("application/json", "{\"statusCode\": 200}")
                    .response(IntegrationResponse.selecting("default", "200")
                            .responseTemplate("application/json", "{\"id\": 1, \"type\": \"dog\"}").build())
                    .build())
            .build();

    private Gateway gateway;
    private ClientRequest request;
    private CountingResponse response;

    @Setup
    public void start() {
        RouteNode routes = RouteNode.resource("/")
                .literal("pets", RouteNode.resource("/pets")
                        .param("petId", RouteNode.resource("/pets/{petId}").method(PING).build()).build())
                .build();
        gateway = Gateway.create(new OneRouteApi(routes), TurnpikeConfig.from(Map.of("turnpike.stages", "prod")));
        Headers headers = new Headers().add("Host", "api.example.com").add("Accept", "application/json")
                .add("User-Agent", "bench");
        request = new InMemoryRequest("GET", "/prod/pets/7", null, headers, new byte[0]);
        response = new CountingResponse();
    }

    @TearDown
    public void stop() {
        gateway.close();
    }

    @Benchmark
    public int mockRequest() {
        gateway.handle(request, response);
        return response.lastStatus;
    }

    /** Takes the answer the way the filter does: subscribes to the body and drains it. */
    static final class CountingResponse implements ClientResponse, Flow.Subscriber<List<ByteBuffer>> {
        int lastStatus;
        long bytes;

        @Override
        public void send(int status, Headers headers, Flow.Publisher<List<ByteBuffer>> body) {
            lastStatus = status;
            body.subscribe(this);
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer b : items) {
                bytes += b.remaining();
            }
        }

        @Override
        public void onError(Throwable throwable) {
            throw new IllegalStateException(throwable);
        }

        @Override
        public void onComplete() {
        }
    }

    record OneRouteApi(RouteNode routes) implements GeneratedApi {
        @Override
        public String name() {
            return "bench";
        }

        @Override
        public String title() {
            return "bench";
        }

        @Override
        public String deploymentId() {
            return "bench00001";
        }

        @Override
        public String source() {
            return "bench.yaml";
        }

        @Override
        public List<Operation> operations() {
            return List.of(PING);
        }
    }
}
