package dev.turnpike.runtime.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.turnpike.runtime.config.ConfigException;
import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.http.Headers;
import dev.turnpike.runtime.model.Authorizer;
import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.model.IntegrationResponse;
import dev.turnpike.runtime.model.IntegrationType;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.pipeline.Gateway;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Functions bound {@code remote} are invoked through the real AWS SDK ({@code LambdaAsyncClient} on Netty) against
 * a loopback server speaking Lambda's Invoke API, which checks each call's SigV4 signature for {@code lambda}; the
 * results and failures answer as the in-process path answers.
 */
class RemoteLambdaTest {

    private static final Pattern INVOCATIONS = Pattern.compile("/2015-03-31/functions/([^/]+)/invocations");
    private static final AtomicReference<SignedLoopbackServer.Received> LAST = new AtomicReference<>();

    private static SignedLoopbackServer lambda;
    private static Gateway gateway;

    @BeforeAll
    static void start() throws Exception {
        SignedLoopbackServer.useCredentials();
        lambda = new SignedLoopbackServer("us-east-1", "lambda", RemoteLambdaTest::invoke);
        gateway = Gateway.create(GatewayCalls.api(operations()), TurnpikeConfig.from(config(lambda.url())));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        lambda.close();
        SignedLoopbackServer.forgetCredentials();
    }

    /** Lambda's Invoke API, one behaviour per function name. */
    private static SignedLoopbackServer.Reply invoke(SignedLoopbackServer.Received request) throws Exception {
        LAST.set(request);
        Matcher path = INVOCATIONS.matcher(request.rawPath());
        if (!request.method().equals("POST") || !path.matches()) {
            return new SignedLoopbackServer.Reply(404, SignedLoopbackServer.json(), "{\"message\": \"no such API\"}");
        }
        JsonObject event = Json.createReader(new StringReader(request.body())).readObject();
        return switch (path.group(1)) {
            case "proxyecho" -> ok(Json.createObjectBuilder().add("statusCode", 201)
                    .add("headers", Json.createObjectBuilder().add("X-Function", "proxyecho"))
                    .add("body", event.getString("httpMethod") + " " + event.getString("path") + " "
                            + event.getString("body")).build().toString());
            case "echo" -> ok(event.toString());
            case "crash" -> new SignedLoopbackServer.Reply(200, Map.of("Content-Type", "application/json",
                    "X-Amz-Function-Error", "Unhandled"), "{\"errorMessage\": \"Not found: "
                    + event.getString("name", "") + "\", \"errorType\": \"java.lang.IllegalStateException\","
                    + " \"stackTrace\": []}");
            case "busy" -> new SignedLoopbackServer.Reply(429, Map.of("Content-Type", "application/json",
                    "x-amzn-ErrorType", "TooManyRequestsException"), "{\"Reason\": \"ReservedFunctionConcurrentInvocat"
                    + "ionLimitExceeded\", \"Type\": \"User\", \"message\": \"Rate Exceeded.\"}");
            case "slow" -> {
                Thread.sleep(3_000);
                yield ok("{\"statusCode\": 200, \"body\": \"late\"}");
            }
            case "malformed" -> ok("{\"statusCode\": 200, \"unexpected\": true}");
            case "auth" -> event.getString("authorizationToken").equals("allow")
                    ? ok(Json.createObjectBuilder().add("principalId", "remote-user").add("policyDocument",
                            Json.createObjectBuilder().add("Version", "2012-10-17").add("Statement",
                                    Json.createArrayBuilder().add(Json.createObjectBuilder()
                                            .add("Action", "execute-api:Invoke").add("Effect", "Allow")
                                            .add("Resource", event.getString("methodArn"))))).build().toString())
                    : new SignedLoopbackServer.Reply(200, Map.of("X-Amz-Function-Error", "Unhandled"),
                            "{\"errorMessage\": \"Unauthorized\", \"errorType\": \"java.lang.RuntimeException\"}");
            default -> new SignedLoopbackServer.Reply(404, Map.of("Content-Type", "application/json",
                    "x-amzn-ErrorType", "ResourceNotFoundException"), "{\"Type\": \"User\", \"message\": \"Function not"
                    + " found: " + path.group(1) + "\"}");
        };
    }

    private static SignedLoopbackServer.Reply ok(String payload) {
        return new SignedLoopbackServer.Reply(200, Map.of("Content-Type", "application/json",
                "X-Amz-Executed-Version", "$LATEST"), payload);
    }

    private static String functionUri(String function) {
        return "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012"
                + ":function:" + function + "/invocations";
    }

    private static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (String function : List.of("proxyecho", "crash", "busy", "slow", "malformed")) {
            operations.add(Operation.on("POST", "/proxy/" + function).integration(Integration.of(
                    IntegrationType.AWS_PROXY).httpMethod("POST").uri(functionUri(function))
                    .timeoutInMillis(timeout(function)).build()).build());
        }
        for (String function : List.of("echo", "crash", "busy", "slow")) {
            operations.add(Operation.on("POST", "/custom/" + function).integration(Integration.of(IntegrationType.AWS)
                    .httpMethod("POST").uri(functionUri(function)).timeoutInMillis(timeout(function))
                    .requestTemplate("application/json", "{\"name\": \"$input.path('$.name')\"}")
                    .response(IntegrationResponse.selecting("Not found.*", "404")
                            .responseTemplate("application/json", "{\"error\": \"$input.path('$.errorMessage')\"}")
                            .build())
                    .response(IntegrationResponse.selecting("default", "200").build())
                    .build()).build());
        }
        operations.add(Operation.on("POST", "/authorized").authorizer(Authorizer.lambda("remote", "TOKEN",
                functionUri("auth")).identitySource("method.request.header.Authorization").resultTtlInSeconds(0)
                .build()).integration(Integration.of(IntegrationType.MOCK)
                .requestTemplate("application/json", "{\"statusCode\": 200}")
                .response(IntegrationResponse.selecting("default", "200")
                        .responseTemplate("application/json", "$context.authorizer.principalId").build())
                .build()).build());
        operations.add(Operation.on("POST", "/custom/alias").integration(Integration.of(IntegrationType.AWS)
                .httpMethod("POST").uri(functionUri("echo:live"))
                .response(IntegrationResponse.selecting("default", "200").build()).build()).build());
        return operations;
    }

    /** Short for the slow function only: the SDK's first call loads many classes, which may take a second. */
    private static int timeout(String function) {
        return function.equals("slow") ? 500 : 29_000;
    }

    private static Map<String, String> config(String endpoint) {
        Map<String, String> config = new java.util.TreeMap<>(Map.of("turnpike.region", "us-east-1",
                "turnpike.aws.lambda.endpoint", endpoint));
        for (String function : List.of("proxyecho", "echo", "crash", "busy", "slow", "malformed", "auth")) {
            config.put("turnpike.lambda." + function, "remote");
        }
        return config;
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void proxyResultOfASignedInvocation() throws Exception {
        GatewayCalls.Answer answer = GatewayCalls.send(gateway, "POST", "/dev/proxy/proxyecho", "{\"a\": 1}");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.headers().first("X-Function")).isEqualTo("proxyecho");
        assertThat(answer.body()).isEqualTo("POST /proxy/proxyecho {\"a\": 1}");
        assertThat(LAST.get().headers().getFirst("Authorization"))
                .matches("AWS4-HMAC-SHA256 Credential=" + SignedLoopbackServer.ACCESS_KEY
                        + "/\\d{8}/us-east-1/lambda/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}");
        assertThat(LAST.get().headers().getFirst("X-Amz-Invocation-Type")).isEqualTo("RequestResponse");
    }

    @Test
    void proxyFunctionErrorAndMalformedResultAre502() throws Exception {
        for (String function : List.of("crash", "malformed")) {
            GatewayCalls.Answer answer = GatewayCalls.send(gateway, "POST", "/dev/proxy/" + function, "{}");

            assertThat(answer.status()).as(function).isEqualTo(502);
            assertThat(json(answer.body())).as(function).isEqualTo(json("{\"message\": \"Internal server error\"}"));
        }
    }

    @Test
    void throttledByLambdaIs500AsInProcess() throws Exception {
        for (String path : List.of("/dev/proxy/busy", "/dev/custom/busy")) {
            GatewayCalls.Answer answer = GatewayCalls.send(gateway, "POST", path, "{}");

            assertThat(answer.status()).as(path).isEqualTo(500);
            assertThat(json(answer.body())).as(path).isEqualTo(json("{\"message\": \"Internal server error\"}"));
        }
    }

    @Test
    void slowFunctionIs504AtTheIntegrationTimeout() throws Exception {
        for (String path : List.of("/dev/proxy/slow", "/dev/custom/slow")) {
            long start = System.nanoTime();
            GatewayCalls.Answer answer = GatewayCalls.send(gateway, "POST", path, "{}");

            assertThat(answer.status()).as(path).isEqualTo(504);
            assertThat(json(answer.body())).as(path).isEqualTo(json("{\"message\": \"Endpoint request timed out\"}"));
            assertThat((System.nanoTime() - start) / 1_000_000).as(path).isLessThan(2_000);
        }
    }

    @Test
    void customIntegrationMapsTheResult() throws Exception {
        GatewayCalls.Answer answer = GatewayCalls.send(gateway, "POST", "/dev/custom/echo", "{\"name\": \"Rex\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(json(answer.body())).isEqualTo(json("{\"name\": \"Rex\"}"));
    }

    @Test
    void customIntegrationSelectsTheFunctionErrorByItsMessage() throws Exception {
        GatewayCalls.Answer answer = GatewayCalls.send(gateway, "POST", "/dev/custom/crash", "{\"name\": \"7\"}");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(json(answer.body())).isEqualTo(json("{\"error\": \"Not found: 7\"}"));
    }

    @Test
    void aliasIsTheQualifier() throws Exception {
        GatewayCalls.Answer answer = GatewayCalls.send(gateway, "POST", "/dev/custom/alias", "{\"name\": \"x\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(LAST.get().rawPath()).isEqualTo("/2015-03-31/functions/echo/invocations");
        assertThat(LAST.get().rawQuery()).isEqualTo("Qualifier=live");
    }

    @Test
    void lambdaAuthorizerCallsTheRemoteFunction() throws Exception {
        GatewayCalls.Answer allowed = GatewayCalls.send(gateway, "POST", "/dev/authorized", "{}",
                new Headers().add("Authorization", "allow"));
        GatewayCalls.Answer refused = GatewayCalls.send(gateway, "POST", "/dev/authorized", "{}",
                new Headers().add("Authorization", "deny"));

        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.body()).isEqualTo("remote-user");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(json(refused.body())).isEqualTo(json("{\"message\": \"Unauthorized\"}"));
    }

    @Test
    void unreachableLambdaIsAnIntegrationFailure() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (Gateway offline = Gateway.create(GatewayCalls.api(operations()),
                TurnpikeConfig.from(config("http://127.0.0.1:" + closedPort)))) {
            GatewayCalls.Answer answer = GatewayCalls.send(offline, "POST", "/dev/proxy/proxyecho", "{}");

            // As an HTTP backend that does not answer: INTEGRATION_FAILURE, 504 unless customised.
            assertThat(answer.status()).isEqualTo(504);
            assertThat(answer.headers().first("x-amzn-ErrorType")).isEqualTo("InternalServerErrorException");
            assertThat(json(answer.body())).isEqualTo(json("{\"message\": \"Internal server error\"}"));
        }
    }

    @Test
    void badRemoteConfigurationFailsStart() {
        Map<String, String> config = new java.util.TreeMap<>(Map.of("turnpike.lambda.f", "remote",
                "turnpike.lambda.f.concurrency", "3", "turnpike.aws.lambda.endpoint", "localhost:9001"));

        assertThatThrownBy(() -> Gateway.create(GatewayCalls.api(operations()), TurnpikeConfig.from(config)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("turnpike.lambda.f.concurrency: a remote function's concurrency is set on"
                        + " Lambda, not here")
                .hasMessageContaining("turnpike.aws.lambda.endpoint: not an http or https URL: 'localhost:9001'");
    }

    @Test
    void missingSdkNamesTheArtifacts() {
        assertThat(AwsSdk.missing(List.of(new AwsSdk.Artifact("software.amazon.awssdk:lambda", "no.such.Client")),
                "turnpike.lambda.f=remote"))
                .isEqualTo("turnpike.lambda.f=remote needs the AWS SDK: add software.amazon.awssdk:lambda (version"
                        + " 2.x) to the application");
        assertThat(AwsSdk.missing(AwsSdk.LAMBDA, "x")).isNull();
        assertThat(AwsSdk.missing(AwsSdk.SIGNING, "x")).isNull();
    }
}
