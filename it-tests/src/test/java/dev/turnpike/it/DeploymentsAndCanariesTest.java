package dev.turnpike.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.runtime.model.GeneratedApi;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
import software.amazon.awssdk.services.apigateway.model.Deployment;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;
import software.amazon.awssdk.services.apigateway.model.Stage;

/**
 * One web application carrying two deployments of an API (two generated definitions, {@code turnpike.api} and
 * {@code turnpike.deployments}): each stage serves the deployment it points at, a canary sends its share to
 * another deployment, and a canary is rotated (promoted) through the management API with the real SDK client.
 */
class DeploymentsAndCanariesTest {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final String API_ID = "deploy1234";

    private static final String V1 = """
            openapi: 3.0.1
            info:
              title: Shop
              version: '1'
            paths:
              /hello:
                get:
                  responses:
                    '200':
                      description: which deployment answered
                  x-amazon-apigateway-integration:
                    type: mock
                    requestTemplates:
                      application/json: '{"statusCode": 200}'
                    responses:
                      default:
                        statusCode: '200'
                        responseTemplates:
                          application/json: 'v1 $context.deploymentId canary=$!context.isCanaryRequest'
            """;

    private static final String V2 = V1.replace("version: '1'", "version: '2'").replace("'v1 ", "'v2 ") + """
              /new:
                get:
                  responses:
                    '200':
                      description: only in v2
                  x-amazon-apigateway-integration:
                    type: mock
                    requestTemplates:
                      application/json: '{"statusCode": 200}'
                    responses:
                      default:
                        statusCode: '200'
                        responseTemplates:
                          application/json: 'new in v2'
            """;

    @TempDir
    static Path dir;

    static TestTls tls;
    static GeneratedApi v1;
    static GeneratedApi v2;
    static ClassLoader application;

    InitializedJetty jetty;
    ApiGatewayClient management;

    @BeforeAll
    static void generate() throws Exception {
        tls = TestTls.create(dir);
        v1 = GeneratedDefinition.load(dir, "shopv1.yaml", V1, "dev.turnpike.it.shopv1");
        v2 = GeneratedDefinition.load(dir, "shopv2.yaml", V2, "dev.turnpike.it.shopv2");
        // One class loader over both, as one WAR's WEB-INF/classes would hold both generated APIs.
        List<URL> urls = new ArrayList<>();
        for (GeneratedApi api : List.of(v1, v2)) {
            urls.addAll(Arrays.asList(((URLClassLoader) api.getClass().getClassLoader()).getURLs()));
        }
        application = new URLClassLoader(urls.toArray(URL[]::new), DeploymentsAndCanariesTest.class.getClassLoader());
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
        config.put("turnpike.api", v1.name());
        config.put("turnpike.deployments", v2.name());
        config.put("turnpike.stages", "prod,beta");
        config.put("turnpike.stage.beta.deploymentId", v2.deploymentId());
        config.put("turnpike.management.enabled", "true");
        config.put("turnpike.management.credentials.AKIDMANAGER.secretKey", SECRET);
        config.put("turnpike.management.store", "file:" + store);
        return config;
    }

    private void start(Map<String, String> config) throws Exception {
        jetty = InitializedJetty.start(tls, application, config);
        management = ApiGatewayClient.builder()
                .endpointOverride(URI.create(jetty.root() + "/turnpike-management"))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDMANAGER", SECRET)))
                .httpClient(Apache5HttpClient.builder().tlsTrustManagersProvider(tls::trustManagers).build())
                .build();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return jetty.client().send(HttpRequest.newBuilder(jetty.root().resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void eachStageServesItsDeployment() throws Exception {
        assertThat(v1.deploymentId()).isNotEqualTo(v2.deploymentId());
        start(config(dir.resolve("stages.json")));

        assertThat(get("/prod/hello").body()).isEqualTo("v1 " + v1.deploymentId() + " canary=");
        assertThat(get("/beta/hello").body()).isEqualTo("v2 " + v2.deploymentId() + " canary=");
        assertThat(get("/beta/new").body()).isEqualTo("new in v2");
        HttpResponse<String> notInV1 = get("/prod/new");
        assertThat(notInV1.statusCode()).isEqualTo(403);
        assertThat(notInV1.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");

        assertThat(management.getDeployments(b -> b.restApiId(API_ID)).items()).extracting(Deployment::id)
                .containsExactly(v1.deploymentId(), v2.deploymentId());
        assertThat(management.getStages(b -> b.restApiId(API_ID).deploymentId(v2.deploymentId())).item())
                .extracting(Stage::stageName).containsExactly("beta");
    }

    @Test
    void aCanaryOfTheNextDeploymentIsRotatedIn() throws Exception {
        Map<String, String> config = config(dir.resolve("rotate.json"));
        start(config);

        // The canary takes all of prod's traffic to v2: 100 percent, so every request is deterministic.
        management.updateStage(b -> b.restApiId(API_ID).stageName("prod").patchOperations(
                PatchOperation.builder().op(Op.REPLACE).path("/canarySettings/deploymentId").value(v2.deploymentId())
                        .build(),
                PatchOperation.builder().op(Op.REPLACE).path("/canarySettings/percentTraffic").value("100").build()));
        for (int i = 0; i < 5; i++) {
            assertThat(get("/prod/hello").body()).isEqualTo("v2 " + v2.deploymentId() + " canary=true");
            assertThat(get("/prod/new").statusCode()).isEqualTo(200);
        }

        // None: every request is the stage's own, on v1.
        management.updateStage(b -> b.restApiId(API_ID).stageName("prod").patchOperations(
                PatchOperation.builder().op(Op.REPLACE).path("/canarySettings/percentTraffic").value("0").build()));
        for (int i = 0; i < 5; i++) {
            assertThat(get("/prod/hello").body()).isEqualTo("v1 " + v1.deploymentId() + " canary=false");
        }

        // Promotion, as the console does it: the stage moves to the canary's deployment, the canary goes.
        var updated = management.updateStage(b -> b.restApiId(API_ID).stageName("prod").patchOperations(
                PatchOperation.builder().op(Op.REPLACE).path("/deploymentId").value(v2.deploymentId()).build(),
                PatchOperation.builder().op(Op.REMOVE).path("/canarySettings").build()));
        assertThat(updated.deploymentId()).isEqualTo(v2.deploymentId());
        assertThat(updated.canarySettings()).isNull();
        assertThat(get("/prod/hello").body()).isEqualTo("v2 " + v2.deploymentId() + " canary=");

        stop();
        start(config);
        assertThat(management.getStage(b -> b.restApiId(API_ID).stageName("prod")).deploymentId())
                .isEqualTo(v2.deploymentId());
        assertThat(get("/prod/hello").body()).isEqualTo("v2 " + v2.deploymentId() + " canary=");
    }
}
