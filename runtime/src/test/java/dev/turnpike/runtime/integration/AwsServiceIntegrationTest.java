package dev.turnpike.runtime.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.turnpike.runtime.config.ConfigException;
import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.model.IntegrationResponse;
import dev.turnpike.runtime.model.IntegrationType;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.pipeline.Gateway;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code AWS} integrations with a service other than Lambda, against SQS on loopback: the request is built as API
 * Gateway builds it (path and action forms), signed by the SDK's SigV4 signer for the uri's region and service,
 * which the loopback server checks with the gateway's own verifier, and the answer is mapped by status.
 */
class AwsServiceIntegrationTest {

    private static final AtomicReference<SignedLoopbackServer.Received> LAST = new AtomicReference<>();

    private static SignedLoopbackServer sqs;
    private static SignedLoopbackServer kinesis;
    private static Gateway gateway;

    @BeforeAll
    static void start() throws Exception {
        SignedLoopbackServer.useCredentials();
        sqs = new SignedLoopbackServer("eu-west-1", "sqs", AwsServiceIntegrationTest::answer);
        kinesis = new SignedLoopbackServer("us-east-1", "kinesis", AwsServiceIntegrationTest::answer);
        gateway = Gateway.create(GatewayCalls.api(operations()), TurnpikeConfig.from(Map.of(
                "turnpike.aws.sqs.endpoint", sqs.url(), "turnpike.aws.kinesis.endpoint", kinesis.url())));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        sqs.close();
        kinesis.close();
        SignedLoopbackServer.forgetCredentials();
    }

    private static SignedLoopbackServer.Reply answer(SignedLoopbackServer.Received request) {
        LAST.set(request);
        if (request.body().contains("fail")) {
            return new SignedLoopbackServer.Reply(400, SignedLoopbackServer.json(),
                    "{\"Error\": {\"Code\": \"InvalidParameterValue\", \"Message\": \"no\"}}");
        }
        if ("GET".equals(request.method())) {
            return new SignedLoopbackServer.Reply(200, SignedLoopbackServer.json(),
                    "{\"ListQueuesResponse\": {\"ListQueuesResult\": {\"queueUrls\": []}}}");
        }
        return new SignedLoopbackServer.Reply(200, SignedLoopbackServer.json(),
                "{\"SendMessageResponse\": {\"SendMessageResult\": {\"MessageId\": \"m-1\"}}}");
    }

    private static List<Operation> operations() {
        Operation send = Operation.on("POST", "/orders").integration(Integration.of(IntegrationType.AWS)
                .httpMethod("POST")
                .uri("arn:aws:apigateway:eu-west-1:sqs:path/123456789012/orders")
                .credentials("arn:aws:iam::123456789012:role/apigateway-sqs")
                .requestParameter("integration.request.header.Content-Type", "'application/x-www-form-urlencoded'")
                .requestTemplate("application/json", "Action=SendMessage&MessageBody=$util.urlEncode($input.body)")
                .response(IntegrationResponse.selecting("4\\d{2}", "400")
                        .responseTemplate("application/json", "{\"error\": \"$input.path('$.Error.Code')\"}").build())
                .response(IntegrationResponse.selecting("default", "200")
                        .responseTemplate("application/json",
                                "{\"id\": \"$input.path('$.SendMessageResponse.SendMessageResult.MessageId')\"}")
                        .build())
                .build()).build();
        Operation list = Operation.on("GET", "/queues").integration(Integration.of(IntegrationType.AWS)
                .httpMethod("GET")
                .uri("arn:aws:apigateway:eu-west-1:sqs:action/ListQueues&QueueNamePrefix=ord%20ers")
                .response(IntegrationResponse.selecting("default", "200").build())
                .build()).build();
        Operation streams = Operation.on("POST", "/streams").integration(Integration.of(IntegrationType.AWS)
                .httpMethod("POST")
                .uri("arn:aws:apigateway:us-east-1:kinesis:action/ListStreams")
                .requestParameter("integration.request.header.Content-Type", "'application/x-amz-json-1.1'")
                .requestTemplate("application/json", "{}")
                .response(IntegrationResponse.selecting("default", "200").build())
                .build()).build();
        return List.of(send, list, streams);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void pathFormIsSignedAndMappedByStatus() throws Exception {
        GatewayCalls.Answer answer = GatewayCalls.send(gateway, "POST", "/dev/orders", "{\"n\": 1}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(json(answer.body())).isEqualTo(json("{\"id\": \"m-1\"}"));
        SignedLoopbackServer.Received received = LAST.get();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.rawPath()).isEqualTo("/123456789012/orders");
        assertThat(received.body()).isEqualTo("Action=SendMessage&MessageBody=%7B%22n%22%3A+1%7D");
        assertThat(received.headers().getFirst("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(received.headers().getFirst("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential="
                + SignedLoopbackServer.ACCESS_KEY + "/").contains("/eu-west-1/sqs/aws4_request");
    }

    @Test
    void serviceErrorIsSelectedByItsStatus() throws Exception {
        GatewayCalls.Answer answer = GatewayCalls.send(gateway, "POST", "/dev/orders", "{\"fail\": true}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(json(answer.body())).isEqualTo(json("{\"error\": \"InvalidParameterValue\"}"));
    }

    @Test
    void actionFormSendsTheActionInTheQuery() throws Exception {
        GatewayCalls.Answer answer = GatewayCalls.send(gateway, "GET", "/dev/queues", "");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(json(answer.body())).isEqualTo(json("{\"ListQueuesResponse\": {\"ListQueuesResult\":"
                + " {\"queueUrls\": []}}}"));
        assertThat(LAST.get().method()).isEqualTo("GET");
        assertThat(LAST.get().rawPath()).isEqualTo("/");
        assertThat(LAST.get().rawQuery()).isEqualTo("Action=ListQueues&QueueNamePrefix=ord%20ers");
    }

    @Test
    void jsonProtocolActionGetsItsTarget() throws Exception {
        GatewayCalls.Answer answer = GatewayCalls.send(gateway, "POST", "/dev/streams", "{}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(LAST.get().headers().getFirst("X-Amz-Target")).isEqualTo("Kinesis_20131202.ListStreams");
        assertThat(LAST.get().headers().getFirst("Content-Type")).isEqualTo("application/x-amz-json-1.1");
        assertThat(LAST.get().body()).isEqualTo("{}");
    }

    @Test
    void endpointOverrideMustBeAUrl() {
        assertThatThrownBy(() -> Gateway.create(GatewayCalls.api(operations()), TurnpikeConfig.from(Map.of(
                "turnpike.aws.sqs.endpoint", "localhost:4566"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("turnpike.aws.sqs.endpoint: not an http or https URL without a query:"
                        + " 'localhost:4566'");
    }

    @Test
    void uriFormsAndDefaultEndpoints() {
        AwsServiceUri s3 = AwsServiceUri.parse("arn:aws:apigateway:us-west-2:mybucket.s3:path/{key}");
        assertThat(s3).isEqualTo(new AwsServiceUri("us-west-2", "mybucket", "s3", false, "{key}"));
        assertThat(s3.urlTemplate(Map.of())).isEqualTo("https://mybucket.s3.us-west-2.amazonaws.com/{key}");
        assertThat(AwsServiceUri.parse("arn:aws:apigateway:us-east-1:sns:action/Publish&TopicArn=t")
                .urlTemplate(Map.of("sns", "http://127.0.0.1:4566/"))).isEqualTo("http://127.0.0.1:4566/?Action="
                + "Publish&TopicArn=t");
        assertThatThrownBy(() -> AwsServiceUri.parse("https://example.com/"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
