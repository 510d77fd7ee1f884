package dev.turnpike.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.model.MethodValidation;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.validation.RequestModels;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Request validators reach the generated API: AWS's documented example (awsdocs-request-validation.json: a root
 * default {@code params-only} and a method's own {@code all}), models with {@code $ref}s, and the mistakes.
 */
class RequestValidatorsTest {

    @TempDir
    Path folder;

    @Test
    void awsDocumentedExample() {
        Path corpus = Path.of(System.getProperty("turnpike.shared", "../../shared"), "conformance", "openapi-aws");
        GeneratedApi api = generate(corpus.resolve("awsdocs-request-validation.json"));
        Map<String, MethodValidation> byMethod = api.requestValidation().entrySet().stream().collect(
                Collectors.toMap(e -> e.getKey().httpMethod() + " " + e.getKey().resourcePath(), Map.Entry::getValue));
        assertThat(byMethod).containsOnlyKeys("POST /validation", "GET /validation");
        assertThat(byMethod.get("POST /validation"))
                .isEqualTo(new MethodValidation("all", true, true, Map.of("application/json", "RequestBodyModel")));
        assertThat(byMethod.get("GET /validation")).isEqualTo(new MethodValidation("params-only", true, false, Map.of()));
        Operation post = api.operations().stream().filter(o -> o.httpMethod().equals("POST")).findFirst().orElseThrow();
        assertThat(post.requestParameters()).containsEntry("method.request.header.h1", true);

        assertThat(api.models()).containsOnlyKeys("RequestBodyModel");
        RequestModels models = new RequestModels(api.models());
        assertThat(models.problems("RequestBodyModel", "{\"name\": \"Rex\", \"type\": \"dog\", \"price\": 30}")).isEmpty();
        assertThat(models.problems("RequestBodyModel", "{\"name\": \"Rex\", \"type\": \"dog\", \"price\": 501}")).hasSize(1);
        assertThat(models.problems("RequestBodyModel", "{\"name\": \"Rex\", \"type\": \"bird\", \"price\": 30}")).hasSize(1);
        assertThat(models.problems("RequestBodyModel", "")).containsExactly("required property 'name' not found",
                "required property 'price' not found", "required property 'type' not found");
        assertThat(models.problems("RequestBodyModel", "{not json")).hasSize(1);
    }

    @Test
    void referencedModelsComeAlongAndCircularReferencesWork() {
        GeneratedApi api = generate(Definitions.write(folder, "api.yaml", """
                openapi: 3.0.1
                info: {title: t, version: '1'}
                x-amazon-apigateway-request-validators:
                  body: {validateRequestBody: true, validateRequestParameters: false}
                x-amazon-apigateway-request-validator: body
                components:
                  schemas:
                    Unused: {type: string}
                    Node:
                      type: object
                      required: [value]
                      properties:
                        value: {type: integer}
                        next: {$ref: '#/components/schemas/Node'}
                        tag: {$ref: '#/components/schemas/Tag'}
                    Tag: {type: string, maxLength: 3}
                paths:
                  /nodes:
                    post:
                      requestBody:
                        content:
                          application/json:
                            schema: {$ref: '#/components/schemas/Node'}
                      x-amazon-apigateway-integration: {type: mock}
                """));
        assertThat(api.models()).containsOnlyKeys("Node", "Tag");
        RequestModels models = new RequestModels(api.models());
        assertThat(models.problems("Node", "{\"value\": 1, \"next\": {\"value\": 2, \"tag\": \"abc\"}}")).isEmpty();
        assertThat(models.problems("Node", "{\"value\": 1, \"next\": {\"value\": \"2\"}}")).hasSize(1);
        assertThat(models.problems("Node", "{\"value\": 1, \"tag\": \"abcd\"}")).hasSize(1);
    }

    @Test
    void inlineBodySchemasAndSharedRequestBodiesAreModelsToo() {
        GeneratedApi api = generate(Definitions.write(folder, "api.yaml", """
                openapi: 3.0.1
                info: {title: t, version: '1'}
                x-amazon-apigateway-request-validators:
                  body: {validateRequestBody: true, validateRequestParameters: false}
                x-amazon-apigateway-request-validator: body
                components:
                  schemas:
                    Tag: {type: string, maxLength: 3}
                  requestBodies:
                    TagBody:
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Tag'}
                paths:
                  /pets:
                    post:
                      operationId: create-pet
                      requestBody:
                        content:
                          application/json:
                            schema:
                              type: object
                              required: [name]
                              properties:
                                name: {type: string}
                                tag: {$ref: '#/components/schemas/Tag'}
                      x-amazon-apigateway-integration: {type: mock}
                  /tags:
                    put:
                      requestBody: {$ref: '#/components/requestBodies/TagBody'}
                      x-amazon-apigateway-integration: {type: mock}
                """));
        Map<String, Map<String, String>> byMethod = api.requestValidation().entrySet().stream().collect(
                Collectors.toMap(e -> e.getKey().httpMethod() + " " + e.getKey().resourcePath(),
                        e -> e.getValue().requestModels()));
        assertThat(byMethod).containsEntry("POST /pets", Map.of("application/json", "CreatePetBody"))
                .containsEntry("PUT /tags", Map.of("application/json", "Tag"));
        assertThat(api.models()).containsOnlyKeys("CreatePetBody", "Tag");
        RequestModels models = new RequestModels(api.models());
        assertThat(models.problems("CreatePetBody", "{\"name\": \"Rex\", \"tag\": \"abc\"}")).isEmpty();
        assertThat(models.problems("CreatePetBody", "{\"tag\": \"abcd\"}")).hasSize(2);
    }

    @Test
    void anUnknownValidatorIsAnError() {
        Path out = folder.resolve("out");
        GenerationResult result = Generator.generate(new GenerationRequest(List.of(Definitions.write(folder, "api.yaml", """
                openapi: 3.0.1
                info: {title: t, version: '1'}
                x-amazon-apigateway-request-validators:
                  all: {validateRequestBody: true, validateRequestParameters: yes-please}
                paths:
                  /pets:
                    get:
                      x-amazon-apigateway-request-validator: everything
                      x-amazon-apigateway-integration: {type: mock}
                """)), out.resolve("java"), out.resolve("resources"), "turnpike.generated"));
        assertThat(result.diagnostics().toString())
                .contains("#/x-amazon-apigateway-request-validators/all/validateRequestParameters: expected true or"
                        + " false, found 'yes-please'")
                .contains("#/paths/~1pets/get/x-amazon-apigateway-request-validator: no request validator 'everything'"
                        + " in x-amazon-apigateway-request-validators; there are all");
    }

    private GeneratedApi generate(Path definition) {
        Path out = folder.resolve("out");
        GenerationResult result = Generator.generate(new GenerationRequest(List.of(definition), out.resolve("java"),
                out.resolve("resources"), "turnpike.generated"));
        assertThat(result.hasErrors()).as(result.diagnostics().toString()).isFalse();
        URLClassLoader loader = TestCompiler.compile(List.of(out.resolve("java")), List.of(out.resolve("resources")),
                out.resolve("classes"));
        return ServiceLoader.load(GeneratedApi.class, loader).findFirst().orElseThrow();
    }
}
