package dev.turnpike.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.turnpike.runtime.model.GeneratedApi;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiGatewayException;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.GetExportRequest;
import software.amazon.awssdk.services.apigateway.model.GetExportResponse;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;

/**
 * {@code GetExport} as users script it: the real SDK's {@link ApiGatewayClient} against a WAR-like start in embedded
 * Jetty over TLS. Each export is parsed back with swagger-parser and compared with the generated API it came from.
 */
class ManagementExportTest {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final String API_ID = "exp1234567";
    private static final String INTEGRATION = "x-amazon-apigateway-integration";

    private static final String DEFINITION = """
            openapi: 3.0.1
            info:
              title: Exported
              version: '7'
            x-amazon-apigateway-api-key-source: HEADER
            paths:
              /pets:
                get:
                  operationId: listPets
                  parameters:
                    - name: limit
                      in: query
                      schema:
                        type: integer
                  responses:
                    '200':
                      description: the pets
                  x-amazon-apigateway-integration:
                    type: mock
                    requestTemplates:
                      application/json: '{"statusCode": 200}'
                    responses:
                      default:
                        statusCode: '200'
                post:
                  responses:
                    '201':
                      description: created
                  x-amazon-apigateway-integration:
                    type: mock
                    requestTemplates:
                      application/json: '{"statusCode": 201}'
                    responses:
                      default:
                        statusCode: '201'
              /pets/{petId}:
                get:
                  parameters:
                    - name: petId
                      in: path
                      required: true
                      schema:
                        type: string
                  responses:
                    '200':
                      description: one pet
                  x-amazon-apigateway-integration:
                    type: mock
                    requestTemplates:
                      application/json: '{"statusCode": 200}'
                    responses:
                      default:
                        statusCode: '200'
            """;

    @TempDir
    static Path dir;

    static GeneratedApi api;
    static InitializedJetty jetty;
    static ApiGatewayClient management;

    @BeforeAll
    static void start() throws Exception {
        TestTls tls = TestTls.create(dir);
        api = GeneratedDefinition.load(dir, "exported.yaml", DEFINITION, "dev.turnpike.it.exported");
        Map<String, String> config = new LinkedHashMap<>();
        config.put("turnpike.apiId", API_ID);
        config.put("turnpike.region", "eu-west-1");
        config.put("turnpike.stages", "prod,beta");
        config.put("turnpike.management.enabled", "true");
        config.put("turnpike.management.credentials.AKIDEXPORTER.secretKey", SECRET);
        config.put("turnpike.management.store", "file:" + dir.resolve("stages.json"));
        jetty = InitializedJetty.start(tls, api.getClass().getClassLoader(), config);
        management = ApiGatewayClient.builder()
                .endpointOverride(URI.create(jetty.root() + "/turnpike-management"))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXPORTER", SECRET)))
                .httpClient(Apache5HttpClient.builder().tlsTrustManagersProvider(tls::trustManagers).build())
                .build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (management != null) {
            management.close();
        }
        if (jetty != null) {
            jetty.close();
        }
    }

    private static GetExportResponse export(String stage, String accepts, Map<String, String> parameters) {
        GetExportRequest.Builder request = GetExportRequest.builder().restApiId(API_ID).stageName(stage)
                .exportType("oas30").parameters(parameters);
        if (accepts != null) {
            request.accepts(accepts);
        }
        return management.getExport(request.build());
    }

    private static OpenAPI parse(GetExportResponse response) {
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(response.body().asUtf8String());
        assertThat(result.getOpenAPI()).as("%s", result.getMessages()).isNotNull();
        assertThat(result.getMessages()).isEmpty();
        return result.getOpenAPI();
    }

    /** {@code METHOD /path} of every operation the export declares. */
    private static Set<String> methods(OpenAPI exported) {
        Set<String> methods = new HashSet<>();
        exported.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> methods.add(method.name() + " " + path)));
        return methods;
    }

    private static Set<String> generatedMethods() {
        Set<String> methods = new HashSet<>();
        api.operations().forEach(op -> methods.add(op.httpMethod() + " " + op.resourcePath()));
        return methods;
    }

    private static List<Operation> operations(OpenAPI exported) {
        return exported.getPaths().values().stream().flatMap(item -> item.readOperations().stream()).toList();
    }

    @Test
    void jsonWithoutExtensionsIsTheApiWithoutApiGatewaysExtensions() {
        GetExportResponse response = export("prod", "application/json", Map.of());

        assertThat(response.contentType()).isEqualTo("application/json");
        assertThat(response.contentDisposition()).matches("attachment; filename=\"oas30_\\d{4}-\\d\\d-\\d\\dT[0-9:]+Z\\.json\"");
        String body = response.body().asUtf8String();
        assertThat(body).startsWith("{").doesNotContain("x-amazon-apigateway");
        OpenAPI exported = parse(response);
        assertThat(methods(exported)).isEqualTo(generatedMethods()).hasSize(3);
        assertThat(exported.getInfo().getTitle()).isEqualTo("Exported");
        assertThat(exported.getPaths().get("/pets").getGet().getOperationId()).isEqualTo("listPets");
        assertThat(exported.getPaths().get("/pets").getGet().getParameters()).extracting(p -> p.getName())
                .containsExactly("limit");
        assertThat(operations(exported)).allSatisfy(op -> assertThat(op.getExtensions()).isNull());
        Server server = exported.getServers().get(0);
        assertThat(exported.getServers()).hasSize(1);
        assertThat(server.getUrl()).isEqualTo("https://" + API_ID + ".execute-api.eu-west-1.amazonaws.com/{basePath}");
        assertThat(server.getVariables().get("basePath").getDefault()).isEqualTo("/prod");
    }

    @Test
    void jsonWithApigatewayExtensionsKeepsThemAll() {
        GetExportResponse response = export("prod", "application/json", Map.of("extensions", "apigateway"));

        assertThat(response.contentType()).isEqualTo("application/json");
        OpenAPI exported = parse(response);
        assertThat(methods(exported)).isEqualTo(generatedMethods());
        assertThat(operations(exported)).hasSize(3).allSatisfy(op -> assertThat(op.getExtensions())
                .containsKey(INTEGRATION));
        assertThat(exported.getPaths().get("/pets").getPost().getExtensions().get(INTEGRATION).toString())
                .contains("mock").contains("{\"statusCode\": 201}");
        assertThat(exported.getExtensions()).containsEntry("x-amazon-apigateway-api-key-source", "HEADER");
    }

    @Test
    void yamlWithAndWithoutExtensions() {
        GetExportResponse plain = export("beta", "application/yaml", Map.of());
        GetExportResponse extended = export("beta", "application/yaml", Map.of("extensions", "apigateway"));

        for (GetExportResponse response : List.of(plain, extended)) {
            assertThat(response.contentType()).isEqualTo("application/yaml");
            assertThat(response.contentDisposition()).endsWith(".yaml\"");
            assertThat(response.body().asUtf8String()).startsWith("openapi:");
            OpenAPI exported = parse(response);
            assertThat(methods(exported)).isEqualTo(generatedMethods());
            assertThat(exported.getServers().get(0).getVariables().get("basePath").getDefault()).isEqualTo("/beta");
        }
        assertThat(operations(parse(plain))).allSatisfy(op -> assertThat(op.getExtensions()).isNull());
        assertThat(operations(parse(extended))).allSatisfy(op -> assertThat(op.getExtensions()).containsKey(INTEGRATION));
    }

    @Test
    void integrationsKeepOnlyTheIntegrations() {
        OpenAPI exported = parse(export("prod", null, Map.of("extensions", "integrations")));

        assertThat(operations(exported)).allSatisfy(op -> assertThat(op.getExtensions()).containsKey(INTEGRATION));
        assertThat(exported.getExtensions()).as("root extensions other than integrations").isNull();
    }

    @Test
    void noAcceptsIsJson() {
        GetExportResponse response = export("prod", null, Map.of());

        assertThat(response.contentType()).isEqualTo("application/json");
        assertThat(methods(parse(response))).isEqualTo(generatedMethods());
    }

    @Test
    void refusalsInAwsShapes() {
        assertThatThrownBy(() -> export("nosuchstage", "application/json", Map.of()))
                .isInstanceOf(NotFoundException.class).hasMessageStartingWith("Invalid stage identifier specified");
        assertThatThrownBy(() -> management.getExport(b -> b.restApiId("nosuchapi1").stageName("prod")
                .exportType("oas30"))).isInstanceOf(NotFoundException.class)
                .hasMessageStartingWith("Invalid API identifier specified");
        assertThatThrownBy(() -> management.getExport(b -> b.restApiId(API_ID).stageName("prod").exportType("swagger")))
                .isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("Export type swagger is not supported by this gateway. Supported: oas30");
        assertThatThrownBy(() -> management.getExport(b -> b.restApiId(API_ID).stageName("prod").exportType("raml")))
                .isInstanceOf(NotFoundException.class)
                .hasMessageStartingWith("Invalid export type specified: raml. Supported: oas30");
        assertThatThrownBy(() -> export("prod", "application/json", Map.of("extensions", "everything")))
                .isInstanceOf(BadRequestException.class).hasMessageStartingWith(
                        "Invalid value for parameter extensions: 'everything'. Supported: integrations, apigateway,"
                                + " authorizers, postman");
        assertThatThrownBy(() -> export("prod", "text/html", Map.of()))
                .isInstanceOf(BadRequestException.class).satisfies(e -> assertThat(((ApiGatewayException) e)
                        .awsErrorDetails().errorCode()).isEqualTo("BadRequestException"))
                .hasMessageStartingWith("Unsupported Accept header: text/html. Supported: application/json,"
                        + " application/yaml");
    }
}
