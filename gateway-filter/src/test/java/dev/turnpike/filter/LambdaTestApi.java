package dev.turnpike.filter;

import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.model.IntegrationResponse;
import dev.turnpike.runtime.model.IntegrationType;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.routing.RouteNode;
import java.util.List;

/**
 * The APIs of the recorded Lambda proxy events (LocalStack's test_lambda_aws_proxy_integration and
 * test_lambda_aws_proxy_integration_request_data_mapping), written the way the generator writes them, plus routes
 * whose functions fail in each way AWS distinguishes.
 */
final class LambdaTestApi implements GeneratedApi {

    static final String ARN = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
            + "arn:aws:lambda:us-east-1:111111111111:function:";

    private final String name;
    private final RouteNode routes;
    private final List<Operation> operations;

    private LambdaTestApi(String name, RouteNode routes, List<Operation> operations) {
        this.name = name;
        this.routes = routes;
        this.operations = operations;
    }

    static Operation proxy(String method, String resource, String function, int timeoutMillis) {
        return Operation.on(method, resource)
                .integration(Integration.of(IntegrationType.AWS_PROXY).httpMethod("POST")
                        .uri(ARN + function + "/invocations").timeoutInMillis(timeoutMillis).build())
                .build();
    }

    /** {@code /{proxy+}} and {@code /hardcoded} to the capturing function, and the failing functions. */
    static LambdaTestApi proxyApi() {
        Operation greedy = proxy("ANY", "/{proxy+}", "capture", 29_000);
        Operation byVariable = proxy("GET", "/by-variable", "${stageVariables.fn}", 29_000);
        Operation hardcoded = proxy("GET", "/hardcoded", "capture", 29_000);
        Operation boom = proxy("GET", "/boom", "boom", 29_000);
        Operation malformed = proxy("GET", "/malformed", "malformed", 29_000);
        // Long enough for a second request to arrive while the first holds the permit, on a loaded machine too.
        Operation slow = proxy("GET", "/slow", "slow", 2_000);
        Operation unbound = proxy("GET", "/unbound", "nobody", 29_000);
        Operation notPost = Operation.on("GET", "/not-post")
                .integration(Integration.of(IntegrationType.AWS_PROXY).httpMethod("GET")
                        .uri(ARN + "capture/invocations").build())
                .build();
        Operation custom = Operation.on("GET", "/custom")
                .integration(Integration.of(IntegrationType.AWS).httpMethod("POST")
                        .uri(ARN + "custom/invocations")
                        .requestTemplate("application/json", "{\"name\": \"$input.params('name')\"}")
                        .response(IntegrationResponse.selecting("Not found.*", "404")
                                .responseTemplate("application/json",
                                        "{\"error\": \"$input.path('$.errorMessage')\"}").build())
                        .response(IntegrationResponse.selecting("default", "200")
                                .responseParameter("method.response.header.X-Custom", "'yes'").build())
                        .build())
                .build();
        RouteNode root = RouteNode.resource("/")
                .literal("custom", RouteNode.resource("/custom").method(custom).build())
                .literal("hardcoded", RouteNode.resource("/hardcoded").method(hardcoded).build())
                .literal("boom", RouteNode.resource("/boom").method(boom).build())
                .literal("malformed", RouteNode.resource("/malformed").method(malformed).build())
                .literal("slow", RouteNode.resource("/slow").method(slow).build())
                .literal("unbound", RouteNode.resource("/unbound").method(unbound).build())
                .literal("not-post", RouteNode.resource("/not-post").method(notPost).build())
                .literal("by-variable", RouteNode.resource("/by-variable").method(byVariable).build())
                .greedy("proxy", RouteNode.resource("/{proxy+}").method(greedy).build())
                .build();
        return new LambdaTestApi("lambda-proxy", root,
                List.of(greedy, hardcoded, boom, malformed, slow, unbound, notPost, byVariable, custom));
    }

    /** {@code POST /{pathVariable}} with integration requestParameters, which AWS_PROXY ignores. */
    static LambdaTestApi requestParametersApi() {
        Operation post = Operation.on("POST", "/{pathVariable}")
                .integration(Integration.of(IntegrationType.AWS_PROXY).httpMethod("POST")
                        .uri(ARN + "capture/invocations")
                        .requestParameter("integration.request.header.headerVar", "method.request.path.pathVariable")
                        .requestParameter("integration.request.querystring.testVar", "'mapped'")
                        .build())
                .build();
        RouteNode root = RouteNode.resource("/")
                .param("pathVariable", RouteNode.resource("/{pathVariable}").method(post).build())
                .build();
        return new LambdaTestApi("lambda-request-parameters", root, List.of(post));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String title() {
        return name;
    }

    @Override
    public String deploymentId() {
        return "lambda1234";
    }

    @Override
    public String source() {
        return name + ".yaml";
    }

    @Override
    public RouteNode routes() {
        return routes;
    }

    @Override
    public List<Operation> operations() {
        return operations;
    }
}
