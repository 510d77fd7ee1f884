package dev.turnpike.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.routing.Router;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Swagger 2 and OpenAPI 3.1 definitions give the same kind of API as OpenAPI 3.0 ones. */
class InputVersionsTest {

    @TempDir
    Path folder;

    private GeneratedApi generateAndLoad(String fileName, String text) throws Exception {
        Path definition = Definitions.write(folder, fileName, text);
        GenerationResult result = Generator.generate(new GenerationRequest(List.of(definition), folder.resolve("java"),
                folder.resolve("resources"), "turnpike.generated"));
        assertThat(result.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
        URLClassLoader loader = TestCompiler.compile(List.of(folder.resolve("java")), List.of(), folder.resolve("classes"));
        return (GeneratedApi) loader.loadClass(result.apis().get(0).qualifiedClassName()).getConstructor().newInstance();
    }

    @Test
    void swagger2KeepsExtensionsAnyMethodAndSecurityDefinitions() throws Exception {
        GeneratedApi api = generateAndLoad("legacy.json", """
                {
                  "swagger": "2.0",
                  "info": {"title": "Legacy", "version": "1"},
                  "basePath": "/v1",
                  "x-amazon-apigateway-api-key-source": "HEADER",
                  "securityDefinitions": {
                    "sigv4": {"type": "apiKey", "name": "Authorization", "in": "header",
                              "x-amazon-apigateway-authtype": "awsSigv4"},
                    "api_key": {"type": "apiKey", "name": "x-api-key", "in": "header"}
                  },
                  "paths": {
                    "/items/{id}": {
                      "get": {
                        "operationId": "getItem",
                        "parameters": [
                          {"name": "id", "in": "path", "required": true, "type": "string"},
                          {"name": "fields", "in": "query", "required": true, "type": "string"}
                        ],
                        "security": [{"sigv4": []}, {"api_key": []}],
                        "responses": {"200": {"description": "OK"}},
                        "x-amazon-apigateway-integration": {
                          "type": "http",
                          "httpMethod": "GET",
                          "uri": "https://backend.example.com/items/{id}",
                          "requestParameters": {
                            "integration.request.path.id": "method.request.path.id",
                            "integration.request.querystring.fields": "method.request.querystring.fields"
                          },
                          "responses": {"default": {"statusCode": 200}}
                        }
                      }
                    },
                    "/{proxy+}": {
                      "x-amazon-apigateway-any-method": {
                        "parameters": [{"name": "proxy", "in": "path", "required": true, "type": "string"}],
                        "responses": {},
                        "x-amazon-apigateway-integration": {
                          "type": "http_proxy",
                          "httpMethod": "ANY",
                          "uri": "https://backend.example.com/{proxy}",
                          "requestParameters": {"integration.request.path.proxy": "method.request.path.proxy"}
                        }
                      }
                    }
                  }
                }
                """);

        assertThat(api.name()).isEqualTo("legacy");
        assertThat(api.title()).isEqualTo("Legacy");
        Operation getItem = new Router(api.routes()).match("/items/7", "GET").operation();
        assertThat(getItem.operationId()).isEqualTo("getItem");
        assertThat(getItem.authorizationType()).isEqualTo("AWS_IAM");
        assertThat(getItem.apiKeyRequired()).isTrue();
        assertThat(getItem.requestParameters()).containsEntry("method.request.path.id", true)
                .containsEntry("method.request.querystring.fields", true);
        assertThat(new Router(api.routes()).match("/anything/else", "DELETE").operation().httpMethod()).isEqualTo("ANY");
    }

    @Test
    void swagger2PointersNameSecurityDefinitions() {
        Path definition = Definitions.write(folder, "legacy.yaml", """
                swagger: "2.0"
                info: {title: Legacy, version: "1"}
                securityDefinitions:
                  oauth:
                    type: oauth2
                    flow: implicit
                    authorizationUrl: https://auth.example.com
                    scopes: {}
                paths: {}
                """);

        assertThat(Generator.validate(List.of(definition))).extracting(Diagnostic::toString).containsExactly(
                "legacy.yaml #/securityDefinitions/oauth: security scheme 'oauth' has neither"
                        + " x-amazon-apigateway-authorizer nor x-amazon-apigateway-authtype: awsSigv4, and is not the"
                        + " x-api-key header, so API Gateway ignores it");
    }

    @Test
    void openApi31() throws Exception {
        GeneratedApi api = generateAndLoad("modern.yaml", """
                openapi: 3.1.0
                info:
                  title: Modern
                  version: "1"
                components:
                  securitySchemes:
                    cognito:
                      type: apiKey
                      name: Authorization
                      in: header
                      x-amazon-apigateway-authorizer:
                        type: cognito_user_pools
                        providerARNs: [arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_x]
                security:
                  - cognito: []
                paths:
                  /orders/{orderId}:
                    get:
                      operationId: getOrder
                      parameters:
                        - name: orderId
                          in: path
                          required: true
                          schema: {type: [string, "null"]}
                      responses:
                        "200": {description: OK}
                      x-amazon-apigateway-integration:
                        type: mock
                        requestTemplates:
                          application/json: '{"statusCode": 200}'
                        responses:
                          default:
                            statusCode: "200"
                """);

        Operation getOrder = new Router(api.routes()).match("/orders/o-1", "GET").operation();
        assertThat(getOrder.operationId()).isEqualTo("getOrder");
        assertThat(getOrder.authorizationType()).isEqualTo("COGNITO_USER_POOLS");
    }
}
