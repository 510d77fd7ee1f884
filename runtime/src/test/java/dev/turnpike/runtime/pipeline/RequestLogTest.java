package dev.turnpike.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.http.Headers;
import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.model.IntegrationResponse;
import dev.turnpike.runtime.model.IntegrationType;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.routing.RouteNode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code turnpike:run -Dturnpike.verbose}: one line per request with its id, route, status and latency. */
class RequestLogTest {

    @Test
    void eachRequestIsOneLineWithItsRouteStatusAndLatency() throws Exception {
        Operation pet = Operation.on("GET", "/pets/{petId}").requestParameter("method.request.path.petId", true)
                .integration(Integration.of(IntegrationType.MOCK)
                        .response(IntegrationResponse.selecting("default", "200").build()).build()).build();
        GeneratedApi api = new GeneratedApi() {
            public String name() {
                return "log";
            }

            public String title() {
                return "log";
            }

            public String deploymentId() {
                return "dep1234567";
            }

            public String source() {
                return "RequestLogTest";
            }

            public RouteNode routes() {
                return RouteNode.resource("/").literal("pets", RouteNode.resource("/pets")
                        .param("petId", RouteNode.resource("/pets/{petId}").method(pet).build()).build()).build();
            }

            public List<Operation> operations() {
                return List.of(pet);
            }
        };
        List<String> lines = new CopyOnWriteArrayList<>();
        try (Gateway gateway = Gateway.builder(api, TurnpikeConfig.from(Map.of())).requestLog(lines::add).build()) {
            TestInvoke.Result found = TestInvoke.run(gateway, "GET", "/dev/pets/7?x=1", new Headers(), new byte[0],
                    false, Clock.systemUTC()).get(10, TimeUnit.SECONDS);
            TestInvoke.run(gateway, "GET", "/dev/cats", new Headers(), new byte[0], false, Clock.systemUTC())
                    .get(10, TimeUnit.SECONDS);
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).matches(found.headers().first("x-amzn-RequestId")
                    + " GET /dev/pets/7\\?x=1 -> GET /pets/\\{petId} 200 \\d+ ms");
            assertThat(lines.get(1)).matches("[-0-9a-f]{36} GET /dev/cats -> no route 403 \\d+ ms");
        }
    }
}
