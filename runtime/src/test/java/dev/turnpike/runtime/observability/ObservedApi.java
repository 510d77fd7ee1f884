package dev.turnpike.runtime.observability;

import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.http.ClientRequest;
import dev.turnpike.runtime.http.ClientResponse;
import dev.turnpike.runtime.http.Headers;
import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.model.IntegrationResponse;
import dev.turnpike.runtime.model.IntegrationType;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.pipeline.ExchangeFixture;
import dev.turnpike.runtime.pipeline.Gateway;
import dev.turnpike.runtime.routing.RouteNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The API the observability tests serve: {@code GET /pets} and {@code GET /pets/{petId}} answer 200 from MOCK,
 * {@code GET /broken} answers 500 from MOCK, {@code GET /keyed} wants an API key. Requests go through
 * {@link Gateway#handle} as a container's would.
 */
class ObservedApi implements GeneratedApi {

    static final Operation PETS = Operation.on("GET", "/pets").integration(mock(200)).build();
    static final Operation PET = Operation.on("GET", "/pets/{petId}")
            .requestParameter("method.request.path.petId", true).integration(mock(200)).build();
    static final Operation BROKEN = Operation.on("GET", "/broken").integration(mock(500)).build();
    static final Operation KEYED = Operation.on("GET", "/keyed").apiKeyRequired(true).integration(mock(200)).build();

    private static Integration mock(int status) {
        return Integration.of(IntegrationType.MOCK)
                .requestTemplate("application/json", "{\"statusCode\": " + status + "}")
                .response(IntegrationResponse.selecting("default", "200")
                        .responseTemplate("application/json", "{\"ok\": true}").build())
                .response(IntegrationResponse.selecting("5\\d{2}", "500")
                        .responseTemplate("application/json", "{\"ok\": false}").build())
                .build();
    }

    @Override
    public String name() {
        return "observed";
    }

    @Override
    public String title() {
        return "Observed Pets";
    }

    @Override
    public String deploymentId() {
        return "dep1234567";
    }

    @Override
    public String source() {
        return "ObservedApi";
    }

    @Override
    public RouteNode routes() {
        return RouteNode.resource("/")
                .literal("pets", RouteNode.resource("/pets").method(PETS)
                        .param("petId", RouteNode.resource("/pets/{petId}").method(PET).build()).build())
                .literal("broken", RouteNode.resource("/broken").method(BROKEN).build())
                .literal("keyed", RouteNode.resource("/keyed").method(KEYED).build())
                .build();
    }

    @Override
    public List<Operation> operations() {
        return List.of(PETS, PET, BROKEN, KEYED);
    }

    /** A gateway for this API with {@code config} (and the API id {@code abc1234567}). */
    static Gateway gateway(Map<String, String> config, MeterRegistry registry) {
        Map<String, String> all = new java.util.HashMap<>(config);
        all.putIfAbsent("turnpike.apiId", "abc1234567");
        return Gateway.builder(new ObservedApi(), TurnpikeConfig.from(all)).meterRegistry(registry).build();
    }

    /** Sends one request and returns the status once the response has been handed over. */
    static int send(Gateway gateway, String path, Headers headers) throws Exception {
        int q = path.indexOf('?');
        ClientRequest request = ExchangeFixture.request("GET", q < 0 ? path : path.substring(0, q),
                q < 0 ? null : path.substring(q + 1), headers);
        CompletableFuture<Integer> status = new CompletableFuture<>();
        ClientResponse response = (code, responseHeaders, body) -> {
            body.subscribe(new Flow.Subscriber<List<ByteBuffer>>() {
                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    subscription.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(List<ByteBuffer> item) {
                }

                @Override
                public void onError(Throwable throwable) {
                    status.completeExceptionally(throwable);
                }

                @Override
                public void onComplete() {
                    status.complete(code);
                }
            });
        };
        gateway.handle(request, response);
        return status.get(10, TimeUnit.SECONDS);
    }

    static int send(Gateway gateway, String path) throws Exception {
        return send(gateway, path, new Headers());
    }

    /** The messages written to the java.util.logging logger {@code name} (SLF4J's JDK binding) while attached. */
    static final class Captured extends Handler implements AutoCloseable {
        private final Logger logger;
        private final List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final List<java.util.logging.Level> levels = new java.util.concurrent.CopyOnWriteArrayList<>();

        Captured(String name) {
            this.logger = Logger.getLogger(name);
            logger.setLevel(java.util.logging.Level.ALL);
            logger.setUseParentHandlers(false); // the lines are the test's, not the console's
            logger.addHandler(this);
        }

        List<String> lines() {
            return List.copyOf(lines);
        }

        List<java.util.logging.Level> levels() {
            return List.copyOf(levels);
        }

        @Override
        public void publish(LogRecord record) {
            lines.add(record.getMessage());
            levels.add(record.getLevel());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
            logger.setUseParentHandlers(true);
        }
    }
}
