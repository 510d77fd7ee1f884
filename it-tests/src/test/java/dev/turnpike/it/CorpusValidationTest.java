package dev.turnpike.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.pipeline.Gateway;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Request validation on two more corpus definitions, generated, compiled and served (awsdocs-request-validation.json
 * is RequestValidationTest's): localstack-circular-ref-validator.json unchanged (a root default validator, models
 * that reference each other in a cycle), and sp-ddb-reminders-validators.yaml with its CloudFormation intrinsics
 * replaced by the values CloudFormation would put there ({@code Fn::Sub} by its string with {@code ${AWS::Region}}
 * and {@code ${RemindersTable}} filled, {@code Fn::GetAtt} of the role by a role ARN), which the build refuses
 * otherwise. The reminders API's DynamoDB integrations are not served (500), so a body that passes validation shows
 * as that 500, one that fails as its customised BAD_REQUEST_BODY.
 */
class CorpusValidationTest {

    @TempDir
    static Path dir;

    static FilterInJetty jetty;

    @BeforeAll
    static void start() throws Exception {
        TurnpikeConfig config = TurnpikeConfig.from(Map.of("turnpike.stages", "dev"));
        Map<String, Gateway> contexts = new LinkedHashMap<>();
        contexts.put("/circular", Gateway.create(GeneratedDefinition.load(dir, "localstack-circular-ref-validator.json",
                GeneratedDefinition.corpus("localstack-circular-ref-validator.json"), "corpus.circular"), config));
        contexts.put("/reminders", Gateway.create(GeneratedDefinition.load(dir, "sp-ddb-reminders-validators.yaml",
                withoutIntrinsics(GeneratedDefinition.corpus("sp-ddb-reminders-validators.yaml")), "corpus.reminders"),
                config));
        jetty = FilterInJetty.serve(TestTls.create(dir), contexts);
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.close();
    }

    /** What CloudFormation does to the definition before API Gateway imports it. */
    static String withoutIntrinsics(String yaml) {
        String text = yaml.replaceAll("credentials:\\s*\\n\\s*Fn::GetAtt: \\[APIGatewayDynamoDBRole, Arn\\]",
                "credentials: \"arn:aws:iam::123456789012:role/APIGatewayDynamoDBRole\"");
        Matcher sub = Pattern.compile("\\{\"Fn::Sub\": (\"(?:[^\"\\\\]|\\\\.)*\")\\}", Pattern.DOTALL).matcher(text);
        StringBuilder out = new StringBuilder();
        while (sub.find()) {
            sub.appendReplacement(out, Matcher.quoteReplacement(sub.group(1)
                    .replace("${AWS::Region}", "us-east-1").replace("${RemindersTable}", "RemindersTable")));
        }
        sub.appendTail(out);
        assertThat(out.toString()).doesNotContain("Fn::");
        return out.toString();
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(jetty.root() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return jetty.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertInvalidBody(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("{\"message\":\"Invalid request body\"}");
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("BadRequestException");
    }

    // ---- localstack-circular-ref-validator.json ----

    @Test
    void aPersonInAHouseOfPeoplePasses() throws Exception {
        HttpResponse<String> r = send("POST", "/circular/dev/person", "{\"name\": \"ada\", \"b\": 1, \"house\":"
                + " {\"contains\": [{\"name\": \"bob\", \"b\": 2, \"house\": {\"contains\": [{\"name\": \"cy\","
                + " \"b\": 3}]}}]}}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"response\": \"mocked\"");
    }

    @Test
    void theCycleIsValidatedAtEveryDepth() throws Exception {
        assertInvalidBody(send("POST", "/circular/dev/person", "{\"name\": \"ada\"}"));
        assertInvalidBody(send("POST", "/circular/dev/person", "{\"name\": \"ada\", \"b\": 1, \"house\":"
                + " {\"contains\": []}}"));
        assertInvalidBody(send("POST", "/circular/dev/person", "{\"name\": \"ada\", \"b\": 1, \"house\":"
                + " {\"contains\": [{\"name\": \"bob\", \"b\": 2, \"house\": {\"contains\": [{\"name\": \"cy\"}]}}]}}"));
        assertInvalidBody(send("POST", "/circular/dev/person", "{\"name\": \"ada\", \"b\": \"one\"}"));
        assertInvalidBody(send("POST", "/circular/dev/person", "not json"));
    }

    // ---- sp-ddb-reminders-validators.yaml ----

    @Test
    void aReminderWithoutItsRequiredFieldsGetsTheDefinitionsBadRequestBody() throws Exception {
        HttpResponse<String> r = send("POST", "/reminders/dev/reminders", "{\"description\": \"call\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("BadRequestException");
        assertThat(r.body()).isEqualTo("{\n\"Invalid Request Body\": \"[required property 'datetime' not found,"
                + " required property 'email' not found]\"\n}");

        HttpResponse<String> put = send("PUT", "/reminders/dev/reminders/r-1", "[]");
        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(put.body()).startsWith("{\n\"Invalid Request Body\": \"[");
    }

    @Test
    void aValidReminderPassesValidationAndReachesTheUnservedDynamoDbIntegration() throws Exception {
        HttpResponse<String> r = send("POST", "/reminders/dev/reminders", "{\"description\": \"call\","
                + " \"datetime\": \"2026-11-25T10:00:00Z\", \"email\": \"ada@example.com\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(500);
        assertThat(r.body()).isEqualTo("{\"message\":\"Internal server error\"}");
    }

    @Test
    void methodsWithoutAValidatorAreNotValidated() throws Exception {
        // GET has no validator and no body model: straight to the (unserved) integration.
        assertThat(send("GET", "/reminders/dev/reminders/r-1", null).statusCode()).isEqualTo(500);
    }
}
