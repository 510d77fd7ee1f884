package dev.turnpike.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.http.ClientRequest;
import dev.turnpike.runtime.http.Headers;
import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.model.IntegrationType;
import dev.turnpike.runtime.model.MethodValidation;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.response.GatewayError;
import dev.turnpike.runtime.response.GatewayResponseType;
import dev.turnpike.runtime.routing.RouteNode;
import dev.turnpike.runtime.routing.Router;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestValidationTest {

    private static final TurnpikeConfig CONFIG = TurnpikeConfig.from(Map.of("turnpike.stages", "dev"));

    private static final Operation OPERATION = Operation.on("GET", "/nested/{test}")
            .requestParameter("method.request.path.test", true)
            .requestParameter("method.request.querystring.qs1", true)
            .requestParameter("method.request.querystring.optional", false)
            .requestParameter("method.request.header.x-header-param", true)
            .requestParameter("method.request.header.X-Another", true)
            .integration(Integration.of(IntegrationType.MOCK).build()).build();

    @Test
    void missingParametersAreListedInTheOrderOfTheirFullKeys() {
        assertThat(check(true, null, new Headers()).message())
                .isEqualTo("Missing required request parameters: [X-Another, x-header-param, qs1]");
    }

    @Test
    void oneMissingQueryStringParameter() {
        GatewayError error = check(true, "other=1", new Headers().add("x-header-param", "a").add("x-another", "b"));
        assertThat(error.type()).isEqualTo(GatewayResponseType.BAD_REQUEST_PARAMETERS);
        assertThat(error.message()).isEqualTo("Missing required request parameters: [qs1]");
        assertThat(error.type().defaultStatus()).isEqualTo(400);
    }

    @Test
    void everythingPresentPasses() {
        assertThat(check(true, "qs1=", new Headers().add("X-Header-Param", "a").add("x-another", "b"))).isNull();
    }

    @Test
    void withoutParameterValidationNothingIsChecked() {
        assertThat(check(false, null, new Headers())).isNull();
    }

    private static GatewayError check(boolean validateParameters, String query, Headers headers) {
        GeneratedApi api = new GeneratedApi() {
            @Override
            public String name() {
                return "v";
            }

            @Override
            public String title() {
                return "v";
            }

            @Override
            public String deploymentId() {
                return "dep";
            }

            @Override
            public String source() {
                return "test";
            }

            @Override
            public RouteNode routes() {
                return RouteNode.resource("/").literal("nested", RouteNode.resource("/nested")
                        .param("test", RouteNode.resource("/nested/{test}").method(OPERATION).build()).build()).build();
            }

            @Override
            public List<Operation> operations() {
                return List.of(OPERATION);
            }

            @Override
            public Map<Operation, MethodValidation> requestValidation() {
                return Map.of(OPERATION, new MethodValidation("all", validateParameters, true, Map.of()));
            }
        };
        Exchange exchange = new Exchange(request("/dev/nested/value", query, headers),
                new ApiIdentity("abc1234567", "1", "us-east-1", "dep"), "r", "x", 0L, 0L);
        assertThat(new StageSelection(CONFIG.stages()).select(exchange)).isNull();
        assertThat(new RouteSelection(new Router(api.routes())).select(exchange)).isNull();
        return new RequestValidation(api).validate(exchange).join();
    }

    private static ClientRequest request(String path, String query, Headers headers) {
        return ExchangeFixture.request("GET", path, query, headers);
    }
}
