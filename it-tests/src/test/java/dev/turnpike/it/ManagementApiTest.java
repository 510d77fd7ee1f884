package dev.turnpike.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.turnpike.runtime.model.GeneratedApi;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiGatewayException;
import software.amazon.awssdk.services.apigateway.model.ApiStage;
import software.amazon.awssdk.services.apigateway.model.CreateApiKeyResponse;
import software.amazon.awssdk.services.apigateway.model.CreateUsagePlanResponse;
import software.amazon.awssdk.services.apigateway.model.GetUsageResponse;
import software.amazon.awssdk.services.apigateway.model.QuotaPeriodType;
import software.amazon.awssdk.services.apigateway.model.UsagePlan;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.GetStageResponse;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;
import software.amazon.awssdk.services.apigateway.model.Resource;
import software.amazon.awssdk.services.apigateway.model.RestApi;
import software.amazon.awssdk.services.apigateway.model.Stage;
import software.amazon.awssdk.services.apigateway.model.UpdateStageResponse;

/**
 * The management API as users script it: the real AWS SDK v2 {@link ApiGatewayClient}, pointed at the gateway
 * with {@code endpointOverride}, signing with a configured key, against a web application started the way a WAR
 * starts (the initializer, then the management extension found on the class path) in embedded Jetty over TLS.
 * A changed stage variable is in the very next request, and still there after a restart (the file store).
 */
class ManagementApiTest {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final String API_ID = "mgmt123456";

    private static final String DEFINITION = """
            openapi: 3.0.1
            info:
              title: Managed
              version: '1'
            paths:
              /hello:
                get:
                  responses:
                    '200':
                      description: the greeting of the stage
                  x-amazon-apigateway-integration:
                    type: mock
                    requestTemplates:
                      application/json: '{"statusCode": 200}'
                    responses:
                      default:
                        statusCode: '200'
                        responseTemplates:
                          application/json: '{"greeting": "$stageVariables.greeting", "canary": $context.isCanaryRequest}'
              /metered:
                get:
                  security:
                    - api_key: []
                  responses:
                    '200':
                      description: needs an API key in a usage plan
                  x-amazon-apigateway-integration:
                    type: mock
                    requestTemplates:
                      application/json: '{"statusCode": 200}'
                    responses:
                      default:
                        statusCode: '200'
                        responseTemplates:
                          application/json: 'metered $context.identity.apiKeyId'
            components:
              securitySchemes:
                api_key:
                  type: apiKey
                  name: x-api-key
                  in: header
            """;

    @TempDir
    static Path dir;

    static TestTls tls;
    static GeneratedApi api;

    InitializedJetty jetty;
    ApiGatewayClient management;

    @BeforeAll
    static void generate() throws Exception {
        tls = TestTls.create(dir);
        api = GeneratedDefinition.load(dir, "managed.yaml", DEFINITION, "dev.turnpike.it.managed");
    }

    @AfterEach
    void stop() throws Exception {
        if (management != null) {
            management.close();
        }
        if (jetty != null) {
            jetty.close();
        }
    }

    private Map<String, String> config(Path store) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("turnpike.apiId", API_ID);
        config.put("turnpike.stages", "prod,beta");
        config.put("turnpike.stage.prod.variables.greeting", "hello");
        config.put("turnpike.stage.beta.variables.greeting", "hi");
        config.put("turnpike.management.enabled", "true");
        config.put("turnpike.management.credentials.AKIDMANAGER.secretKey", SECRET);
        config.put("turnpike.management.store", "file:" + store);
        return config;
    }

    private void start(Map<String, String> config, String secret) throws Exception {
        jetty = InitializedJetty.start(tls, api.getClass().getClassLoader(), config);
        management = ApiGatewayClient.builder()
                .endpointOverride(URI.create(jetty.root() + "/turnpike-management"))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDMANAGER", secret)))
                .httpClient(Apache5HttpClient.builder().tlsTrustManagersProvider(tls::trustManagers).build())
                .build();
    }

    private void restart(Map<String, String> config) throws Exception {
        stop();
        start(config, SECRET);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return jetty.client().send(HttpRequest.newBuilder(jetty.root().resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void getRestApisStagesAndDeploymentsInAwsShapes() throws Exception {
        start(config(dir.resolve("shapes.json")), SECRET);

        RestApi restApi = management.getRestApis().items().get(0);
        assertThat(restApi.id()).isEqualTo(API_ID);
        assertThat(restApi.name()).isEqualTo("Managed");
        assertThat(restApi.createdDate()).isNotNull();
        assertThat(management.getRestApis().items()).hasSize(1);

        assertThat(management.getStages(b -> b.restApiId(API_ID)).item())
                .extracting(Stage::stageName).containsExactlyInAnyOrder("prod", "beta");
        Stage prod = management.getStages(b -> b.restApiId(API_ID)).item().stream()
                .filter(s -> s.stageName().equals("prod")).findFirst().orElseThrow();
        assertThat(prod.deploymentId()).isEqualTo(api.deploymentId());
        assertThat(prod.variables()).isEqualTo(Map.of("greeting", "hello"));

        assertThat(management.getDeployments(b -> b.restApiId(API_ID)).items())
                .extracting(d -> d.id()).containsExactly(api.deploymentId());
        assertThat(management.getStages(b -> b.restApiId(API_ID).deploymentId("nosuchdeployment")).item()).isEmpty();

        List<Resource> resources = management.getResources(b -> b.restApiId(API_ID)).items();
        assertThat(resources).extracting(Resource::path).containsExactly("/", "/hello", "/metered");
        Resource root = resources.get(0);
        assertThat(resources.get(2).parentId()).isEqualTo(root.id());
        assertThat(resources.get(2).pathPart()).isEqualTo("metered");
        assertThat(resources.get(2).resourceMethods().get("GET").apiKeyRequired()).isTrue();
        assertThat(resources.get(1).resourceMethods().get("GET").apiKeyRequired()).isFalse();
    }

    @Test
    void updatedStageVariableIsInTheNextRequestAndKeptAcrossARestart() throws Exception {
        Map<String, String> config = config(dir.resolve("restart.json"));
        start(config, SECRET);
        assertThat(get("/prod/hello").body()).contains("\"greeting\": \"hello\"");

        UpdateStageResponse updated = management.updateStage(b -> b.restApiId(API_ID).stageName("prod")
                .patchOperations(PatchOperation.builder().op(Op.REPLACE).path("/variables/greeting").value("bonjour")
                        .build(), PatchOperation.builder().op(Op.REPLACE).path("/variables/color").value("blue").build()));
        assertThat(updated.variables()).isEqualTo(Map.of("greeting", "bonjour", "color", "blue"));
        assertThat(updated.lastUpdatedDate()).isAfterOrEqualTo(updated.createdDate());
        assertThat(get("/prod/hello").body()).contains("\"greeting\": \"bonjour\"");
        assertThat(get("/beta/hello").body()).as("another stage is untouched").contains("\"greeting\": \"hi\"");

        management.updateStage(b -> b.restApiId(API_ID).stageName("prod")
                .patchOperations(PatchOperation.builder().op(Op.REMOVE).path("/variables/color").build()));
        assertThat(Files.readString(dir.resolve("restart.json"))).contains("bonjour");

        restart(config);
        GetStageResponse kept = management.getStage(b -> b.restApiId(API_ID).stageName("prod"));
        assertThat(kept.variables()).isEqualTo(Map.of("greeting", "bonjour"));
        assertThat(get("/prod/hello").body()).contains("\"greeting\": \"bonjour\"");
    }

    @Test
    void changesAreKeptInRedisWhenConfigured() throws Exception {
        try (ThrottlingRedisServer redis = ThrottlingRedisServer.startOrSkip()) {
            Map<String, String> config = config(dir.resolve("unused.json"));
            config.put("turnpike.management.store", "redis");
            config.put("turnpike.redis.uri", redis.uri());
            start(config, SECRET);
            management.updateStage(b -> b.restApiId(API_ID).stageName("beta").patchOperations(
                    PatchOperation.builder().op(Op.REPLACE).path("/variables/greeting").value("hallo").build()));
            assertThat(get("/beta/hello").body()).contains("\"greeting\": \"hallo\"");

            restart(config);
            assertThat(management.getStage(b -> b.restApiId(API_ID).stageName("beta")).variables())
                    .isEqualTo(Map.of("greeting", "hallo"));
            assertThat(get("/beta/hello").body()).contains("\"greeting\": \"hallo\"");
            assertThat(Files.exists(dir.resolve("unused.json"))).isFalse();
        }
    }

    @Test
    void aKeyAndAPlanCreatedThroughTheApiMeterTheNextRequestsAndAreKept() throws Exception {
        Map<String, String> config = config(dir.resolve("plans.json"));
        start(config, SECRET);
        String value = "mgmt-test-key-0123456789abcdef";
        assertThat(metered(value).statusCode()).as("no such key yet").isEqualTo(403);

        CreateApiKeyResponse key = management.createApiKey(b -> b.name("partner").value(value).enabled(true));
        assertThat(key.value()).isEqualTo(value);
        assertThat(key.enabled()).isTrue();
        HttpResponse<String> notInPlan = metered(value);
        assertThat(notInPlan.statusCode()).as("a key in no usage plan of the stage").isEqualTo(403);
        assertThat(notInPlan.body()).isEqualTo("{\"message\":\"Forbidden\"}");

        CreateUsagePlanResponse plan = management.createUsagePlan(b -> b.name("gold")
                .apiStages(ApiStage.builder().apiId(API_ID).stage("prod").build())
                .throttle(t -> t.rateLimit(100.0).burstLimit(100))
                .quota(q -> q.limit(2).period(QuotaPeriodType.DAY)));
        assertThat(plan.quota().limit()).isEqualTo(2);
        management.createUsagePlanKey(b -> b.usagePlanId(plan.id()).keyId(key.id()).keyType("API_KEY"));

        HttpResponse<String> first = metered(value);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("metered " + key.id());
        assertThat(metered(value).statusCode()).isEqualTo(200);
        HttpResponse<String> third = metered(value);
        assertThat(third.statusCode()).as("the plan's quota of 2 a day").isEqualTo(429);
        assertThat(third.body()).isEqualTo("{\"message\":\"Limit Exceeded\"}");

        GetUsageResponse usage = management.getUsage(b -> b.usagePlanId(plan.id()).startDate("2026-11-01")
                .endDate("2026-11-30"));
        assertThat(usage.items()).isEqualTo(Map.of(key.id(), List.of(List.of(2L, 0L))));
        assertThat(management.getApiKeys(b -> b.includeValues(true)).items())
                .anySatisfy(k -> assertThat(k.value()).isEqualTo(value));
        assertThat(management.getApiKeys(b -> b.includeValues(false)).items())
                .allSatisfy(k -> assertThat(k.value()).isNull());

        restart(config);
        assertThat(management.getUsagePlans(b -> { }).items()).extracting(UsagePlan::name).containsExactly("gold");
        assertThat(management.getApiKey(b -> b.apiKey(key.id())).name()).isEqualTo("partner");
        assertThat(metered(value).statusCode()).as("the key and plan are kept; the quota starts again in memory")
                .isEqualTo(200);

        assertThatThrownBy(() -> management.createUsagePlan(b -> b.name("silver")
                .apiStages(ApiStage.builder().apiId(API_ID).stage("nosuch").build())))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("turnpike.usagePlans.silver.apiStages: stage 'nosuch' is not served");
    }

    private HttpResponse<String> metered(String apiKey) throws Exception {
        return jetty.client().send(HttpRequest.newBuilder(jetty.root().resolve("/prod/metered"))
                .header("x-api-key", apiKey).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void deploymentIdMayOnlyNameAServedDeployment() throws Exception {
        start(config(dir.resolve("deployment.json")), SECRET);
        UpdateStageResponse same = management.updateStage(b -> b.restApiId(API_ID).stageName("beta")
                .patchOperations(PatchOperation.builder().op(Op.REPLACE).path("/deploymentId")
                        .value(api.deploymentId()).build()));
        assertThat(same.deploymentId()).isEqualTo(api.deploymentId());

        assertThatThrownBy(() -> management.updateStage(b -> b.restApiId(API_ID).stageName("beta")
                .patchOperations(PatchOperation.builder().op(Op.REPLACE).path("/deploymentId").value("abc123")
                        .build())))
                .isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("Invalid deployment id specified: abc123 (Service: ApiGateway, Status Code: 400");
        assertThat(management.getStage(b -> b.restApiId(API_ID).stageName("beta")).deploymentId())
                .isEqualTo(api.deploymentId());
    }

    @Test
    void canarySettingsRouteTheirShareWithTheirOverrides() throws Exception {
        start(config(dir.resolve("canary.json")), SECRET);
        UpdateStageResponse all = management.updateStage(b -> b.restApiId(API_ID).stageName("prod").patchOperations(
                PatchOperation.builder().op(Op.REPLACE).path("/canarySettings/percentTraffic").value("100").build(),
                PatchOperation.builder().op(Op.REPLACE).path("/canarySettings/stageVariableOverrides/greeting")
                        .value("canary").build()));
        assertThat(all.canarySettings().percentTraffic()).isEqualTo(100.0);
        assertThat(all.canarySettings().deploymentId()).isEqualTo(api.deploymentId());
        for (int i = 0; i < 5; i++) {
            assertThat(get("/prod/hello").body()).isEqualTo("{\"greeting\": \"canary\", \"canary\": true}");
        }

        management.updateStage(b -> b.restApiId(API_ID).stageName("prod").patchOperations(
                PatchOperation.builder().op(Op.REPLACE).path("/canarySettings/percentTraffic").value("0").build()));
        for (int i = 0; i < 5; i++) {
            assertThat(get("/prod/hello").body()).isEqualTo("{\"greeting\": \"hello\", \"canary\": false}");
        }

        management.updateStage(b -> b.restApiId(API_ID).stageName("prod").patchOperations(
                PatchOperation.builder().op(Op.REMOVE).path("/canarySettings").build()));
        assertThat(management.getStage(b -> b.restApiId(API_ID).stageName("prod")).canarySettings()).isNull();

        assertThatThrownBy(() -> management.updateStage(b -> b.restApiId(API_ID).stageName("prod").patchOperations(
                PatchOperation.builder().op(Op.REPLACE).path("/canarySettings/percentTraffic").value("150").build())))
                .isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("Canary percentTraffic must be between 0.0 and 100.0: 150.0");
    }

    @Test
    void errorsInAwsShapeBecomeTheSdksExceptions() throws Exception {
        start(config(dir.resolve("errors.json")), SECRET);
        assertThatThrownBy(() -> management.getStage(b -> b.restApiId(API_ID).stageName("nosuch")))
                .isInstanceOf(NotFoundException.class)
                .hasMessageStartingWith("Invalid stage identifier specified (Service: ApiGateway, Status Code: 404");
        assertThatThrownBy(() -> management.getStages(b -> b.restApiId("otherapi")))
                .isInstanceOf(NotFoundException.class)
                .hasMessageStartingWith("Invalid API identifier specified 123456789012:otherapi");
        assertThatThrownBy(() -> management.updateStage(b -> b.restApiId(API_ID).stageName("prod").patchOperations(
                PatchOperation.builder().op(Op.REPLACE).path("/description2").value("x").build())))
                .isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("Invalid patch path '/description2' specified for op 'replace'");
    }

    @Test
    void aWrongSecretIsRefusedAsAwsRefusesASignature() throws Exception {
        start(config(dir.resolve("signature.json")), "not-the-secret");
        assertThatThrownBy(() -> management.getRestApis())
                .isInstanceOfSatisfying(ApiGatewayException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                });
        HttpResponse<String> unsigned = get("/turnpike-management/restapis");
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(unsigned.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
        assertThat(unsigned.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    }

    @Test
    void methodSettingsThrottleTheNextRequestAndAreKept() throws Exception {
        Map<String, String> config = config(dir.resolve("throttle.json"));
        start(config, SECRET);
        assertThat(get("/beta/hello").statusCode()).isEqualTo(200);

        // A bucket of no tokens that never refills: every request is throttled, deterministically.
        UpdateStageResponse closed = management.updateStage(b -> b.restApiId(API_ID).stageName("beta").patchOperations(
                PatchOperation.builder().op(Op.REPLACE).path("/~1hello/GET/throttling/rateLimit").value("0").build(),
                PatchOperation.builder().op(Op.REPLACE).path("/~1hello/GET/throttling/burstLimit").value("0").build()));
        assertThat(closed.methodSettings().get("~1hello/GET").throttlingRateLimit()).isEqualTo(0.0);
        HttpResponse<String> throttled = get("/beta/hello");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
        assertThat(get("/prod/hello").statusCode()).as("another stage is untouched").isEqualTo(200);

        restart(config);
        assertThat(get("/beta/hello").statusCode()).as("kept across the restart").isEqualTo(429);
        management.updateStage(b -> b.restApiId(API_ID).stageName("beta").patchOperations(
                PatchOperation.builder().op(Op.REPLACE).path("/~1hello/GET/throttling/rateLimit").value("100").build(),
                PatchOperation.builder().op(Op.REPLACE).path("/~1hello/GET/throttling/burstLimit").value("100").build()));
        assertThat(get("/beta/hello").statusCode()).isEqualTo(200);

        assertThatThrownBy(() -> management.updateStage(b -> b.restApiId(API_ID).stageName("beta").patchOperations(
                PatchOperation.builder().op(Op.REPLACE).path("/~1nosuch/GET/throttling/rateLimit").value("1").build())))
                .isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("Invalid method setting path: /~1nosuch/GET/throttling/rateLimit. The resource"
                        + " and method /nosuch/GET do not exist");
    }

    @Test
    void flushStageCacheEmptiesTheStagesCache() throws Exception {
        Map<String, String> config = config(dir.resolve("flush.json"));
        config.put("turnpike.stage.beta.cacheClusterEnabled", "true");
        start(config, SECRET);
        assertThat(management.getStage(b -> b.restApiId(API_ID).stageName("beta")).cacheClusterEnabled()).isTrue();
        assertThat(get("/beta/hello").body()).contains("\"greeting\": \"hi\"");

        management.updateStage(b -> b.restApiId(API_ID).stageName("beta").patchOperations(
                PatchOperation.builder().op(Op.REPLACE).path("/variables/greeting").value("salut").build()));
        assertThat(get("/beta/hello").body()).as("answered from the cache, as AWS would").contains("\"hi\"");

        management.flushStageCache(b -> b.restApiId(API_ID).stageName("beta"));
        assertThat(get("/beta/hello").body()).contains("\"greeting\": \"salut\"");

        assertThatThrownBy(() -> management.flushStageCache(b -> b.restApiId(API_ID).stageName("prod")))
                .isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("Cache cluster is not enabled for stage prod");
    }

    @Test
    void enabledWithoutCredentialsFailsTheDeployment() {
        Map<String, String> config = config(dir.resolve("nocredentials.json"));
        config.remove("turnpike.management.credentials.AKIDMANAGER.secretKey");
        assertThatThrownBy(() -> start(config, SECRET))
                .hasStackTraceContaining("turnpike.management.credentials.<accessKeyId>.secretKey: the management API"
                        + " is enabled but no one may call it; configure at least one key");
    }

    @Test
    void offByDefaultThePathIsTheApis() throws Exception {
        Map<String, String> config = config(dir.resolve("off.json"));
        config.remove("turnpike.management.enabled");
        start(config, SECRET);
        HttpResponse<String> response = get("/turnpike-management/restapis");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("ForbiddenException");
        assertThat(response.body()).isEqualTo("{\"message\":\"Forbidden\"}");
        assertThat(get("/prod/hello").statusCode()).isEqualTo(200);
    }
}
