package dev.turnpike.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.pipeline.Gateway;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Real-world definitions from the corpus, unchanged, generated and served: LocalStack's REQUEST authorizer on a
 * query parameter, the AWS sample pet store's IAM methods, and AWS's Lambda tutorials (the simple calculator's
 * custom integrations with their templates, the greedy proxy resource). The functions are real handler classes of
 * this test, bound by configuration as users bind theirs.
 */
class CorpusServedTest {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    @TempDir
    static Path dir;

    static FilterInJetty jetty;

    /** The REQUEST authorizer: query parameter {@code auth} is {@code allow} or {@code deny}; else Unauthorized. */
    public static final class QueryAuthorizer implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        @Override
        @SuppressWarnings("unchecked")
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            Map<String, String> query = (Map<String, String>) event.get("queryStringParameters");
            String auth = query == null ? null : query.get("auth");
            if (!"allow".equals(auth) && !"deny".equals(auth)) {
                throw new IllegalArgumentException("Unauthorized");
            }
            return Map.of("principalId", "corpus-user", "policyDocument", Map.of("Version", "2012-10-17",
                    "Statement", List.of(Map.of("Action", "execute-api:Invoke",
                            "Effect", auth.equals("allow") ? "Allow" : "Deny",
                            "Resource", event.get("methodArn")))));
        }
    }

    /** AWS's "Calc" function of the simple calculator tutorials: {@code {a, b, op}} in, {@code c} added. */
    public static final class CalcFunction implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            double a = ((Number) event.get("a")).doubleValue();
            double b = ((Number) event.get("b")).doubleValue();
            String op = String.valueOf(event.get("op"));
            double c = switch (op) {
                case "add", "+" -> a + b;
                case "sub", "-" -> a - b;
                case "mul", "*" -> a * b;
                case "div", "/" -> a / b;
                default -> throw new IllegalArgumentException("400 Invalid Operator: " + op);
            };
            return new java.util.TreeMap<>(Map.of("a", event.get("a"), "b", event.get("b"), "op", op, "c", c));
        }
    }

    /** The greedy proxy tutorial's function: answers with the path and query it was given. */
    public static final class ProxyResourceFunction
            implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
        @Override
        public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
            return new APIGatewayProxyResponseEvent().withStatusCode(200)
                    .withBody(event.getHttpMethod() + " " + event.getPath() + " " + event.getPathParameters()
                            + " " + event.getQueryStringParameters());
        }
    }

    /** The pet store's one function, for every method: the pets it lists. */
    public static final class PetStoreFunction implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            return Map.of("pets", List.of(Map.of("petId", "1", "petType", "dog")));
        }
    }

    @BeforeAll
    static void start() throws Exception {
        TestTls tls = TestTls.create(dir);
        jetty = FilterInJetty.serve(tls, Map.of(
                "/localstack", Gateway.create(generate("localstack-request-authorizer-mock.json"), TurnpikeConfig.from(
                        Map.of("turnpike.stages", "dev", "turnpike.lambda.myapi-authorizer-0-22ad13b",
                                QueryAuthorizer.class.getName()))),
                "/petstore", Gateway.create(generate("secure-pet-store-iam.yaml"), TurnpikeConfig.from(
                        Map.of("turnpike.stages", "dev", "turnpike.lambda.YOUR_FUNCTION_NAME",
                                PetStoreFunction.class.getName(), "turnpike.iam.AKIDPETS.secretKey", SECRET))),
                "/calc", Gateway.create(generate("awsdocs-simple-calc-lambda.json"), TurnpikeConfig.from(
                        Map.of("turnpike.stages", "dev", "turnpike.lambda.Calc", CalcFunction.class.getName()))),
                "/greedy", Gateway.create(generate("awsdocs-lambda-proxy-greedy.json"), TurnpikeConfig.from(
                        Map.of("turnpike.stages", "dev", "turnpike.lambda.SimpleLambda4ProxyResource",
                                ProxyResourceFunction.class.getName())))));
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.close();
    }

    @Test
    void localStacksRequestAuthorizerAllowsDeniesAndRefuses() throws Exception {
        assertThat(get("/localstack/dev/test").statusCode()).isEqualTo(401);
        assertThat(get("/localstack/dev/test?auth=allow").statusCode()).isEqualTo(200);
        HttpResponse<String> denied = get("/localstack/dev/test?auth=deny");
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).isEqualTo(
                "{\"Message\":\"User is not authorized to access this resource with an explicit deny\"}");
        HttpResponse<String> refused = get("/localstack/dev/test?auth=who");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    }

    @Test
    void thePetStoresIamMethodsWantASignature() throws Exception {
        HttpResponse<String> unsigned = get("/petstore/dev/pets");
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(unsigned.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");

        URI uri = jetty.root().resolve("/petstore/dev/pets");
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create("AKIDPETS", SECRET))
                .request(SdkHttpRequest.builder().uri(uri).method(SdkHttpMethod.GET).build())
                .payload(ContentStreamProvider.fromByteArray(new byte[0]))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")).request();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        signed.forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                values.forEach(value -> request.header(name, value));
            }
        });
        HttpResponse<String> r = jetty.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"petType\":\"dog\"");
    }

    @Test
    void awsSimpleCalculatorTutorialComputesThroughItsTemplates() throws Exception {
        HttpResponse<String> byQuery = get("/calc/dev/?a=2&b=3&op=add");
        assertThat(byQuery.statusCode()).as(byQuery.body()).isEqualTo(200);
        assertThat(byQuery.body().replaceAll("\\s", ""))
                .isEqualTo("{\"input\":{\"a\":2,\"b\":3,\"op\":\"add\"},\"output\":{\"c\":5.0}}");
        HttpResponse<String> byPath = get("/calc/dev/6/3/div");
        assertThat(byPath.statusCode()).as(byPath.body()).isEqualTo(200);
        assertThat(byPath.body().replaceAll("\\s", "")).contains("\"output\":{\"c\":2.0}");
    }

    @Test
    void awsGreedyProxyTutorialPassesEveryPathToItsFunction() throws Exception {
        HttpResponse<String> r = get("/greedy/dev/a/b/c?x=1");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("GET /a/b/c {proxy=a/b/c} {x=1}");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return jetty.client().send(HttpRequest.newBuilder(jetty.root().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The corpus definition, unchanged, generated and compiled as the Maven plugin would, then loaded. */
    private static GeneratedApi generate(String name) throws Exception {
        return GeneratedDefinition.load(dir, name, GeneratedDefinition.corpus(name),
                "turnpike.generated." + name.replaceAll("[^a-z0-9]", ""));
    }
}
