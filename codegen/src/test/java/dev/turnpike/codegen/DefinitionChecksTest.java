package dev.turnpike.codegen;

import static dev.turnpike.codegen.Definitions.getPetsWith;
import static dev.turnpike.codegen.Definitions.openApi;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks of a whole definition: routes, methods, extensions, files and names; and all problems at once. */
class DefinitionChecksTest extends CheckTestSupport {

    @Test
    void operationWithoutIntegration() {
        givenDefinition(openApi("""
                  /pets:
                    get:
                      operationId: listPets
                """));
        thenErrors("api.yaml #/paths/~1pets/get: no x-amazon-apigateway-integration: API Gateway refuses a method"
                + " without one (\"No integration defined for method\")");
    }

    @Test
    void twoVariablePathPartsUnderOneResource() {
        givenDefinition(openApi("""
                  /pets/{id}:
                    get:
                      x-amazon-apigateway-integration: {type: mock}
                  /pets/{name}/toys:
                    get:
                      x-amazon-apigateway-integration: {type: mock}
                """));
        thenErrors("api.yaml #/paths/~1pets~1{name}~1toys: A sibling ({id}) of this resource already has a variable"
                + " path part -- only one is allowed");
    }

    @Test
    void parameterAndGreedyParameterUnderOneResource() {
        givenDefinition(openApi("""
                  /{id}:
                    get:
                      x-amazon-apigateway-integration: {type: mock}
                  /{proxy+}:
                    x-amazon-apigateway-any-method:
                      x-amazon-apigateway-integration: {type: mock}
                """));
        thenErrors("api.yaml #/paths/~1{proxy+}: A sibling ({id}) of this resource already has a variable path part"
                + " -- only one is allowed");
    }

    @Test
    void greedyParameterThatIsNotLast() {
        givenDefinition(openApi("""
                  /files/{path+}/meta:
                    get:
                      x-amazon-apigateway-integration: {type: mock}
                """));
        thenErrors("api.yaml #/paths/~1files~1{path+}~1meta: the greedy parameter {path+} must be the last segment");
    }

    @Test
    void segmentThatMixesTextAndAParameter() {
        givenDefinition(openApi("""
                  /pets/{id}.json:
                    get:
                      x-amazon-apigateway-integration: {type: mock}
                """));
        thenErrors("api.yaml #/paths/~1pets~1{id}.json: segment '{id}.json' is not a path parameter: a parameter is a"
                + " whole segment, {name} or {name+}");
    }

    @Test
    void sameMethodOnTheSameResourceTwice() {
        givenDefinition(openApi("""
                  /pets:
                    get:
                      x-amazon-apigateway-integration: {type: mock}
                  /pets/:
                    get:
                      x-amazon-apigateway-integration: {type: mock}
                """));
        thenErrors("api.yaml #/paths/~1pets~1/get: GET /pets is already defined at #/paths/~1pets/get");
        thenWarnings("api.yaml #/paths/~1pets~1: the trailing '/' is ignored: the resource is /pets");
    }

    @Test
    void unknownApiGatewayExtensionIsAWarning() {
        givenDefinition(openApi("""
                  /pets:
                    get:
                      x-amazon-apigateway-integratoin: {type: mock}
                      x-amazon-apigateway-integration: {type: mock}
                """));
        thenErrors();
        thenWarnings("api.yaml #/paths/~1pets/get/x-amazon-apigateway-integratoin: unknown extension"
                + " x-amazon-apigateway-integratoin is ignored");
    }

    @Test
    void notADefinition() {
        givenDefinition("just: some yaml\n");
        thenErrors("api.yaml: not an OpenAPI 3 or Swagger 2 definition: attribute just is unexpected; attribute"
                + " swagger is missing; attribute info is missing; attribute paths is missing");
    }

    @Test
    void aDefinitionWithFiveMistakesReportsFive() {
        givenDefinition(openApi("""
                  /pets:
                    get:
                      x-amazon-apigateway-integration:
                        type: http_proxy
                        httpMethod: GET
                        uri: petstore/pets
                        timeoutInMillis: 10
                    post:
                      x-amazon-apigateway-integration:
                        type: mock
                        responses:
                          "(":
                            statusCode: "2000"
                  /pets/{id}:
                    delete:
                      operationId: deletePet
                  /pets/{name}:
                    get:
                      x-amazon-apigateway-integration: {type: mock}
                """));
        thenErrors(
                "api.yaml #/paths/~1pets/get/x-amazon-apigateway-integration/uri: uri 'petstore/pets' is not an absolute"
                        + " http or https URL",
                "api.yaml #/paths/~1pets/get/x-amazon-apigateway-integration/timeoutInMillis: timeoutInMillis 10 is"
                        + " outside 50..29000",
                "api.yaml #/paths/~1pets/post/x-amazon-apigateway-integration/responses/(: selectionPattern '(' is not"
                        + " a valid regular expression: Unclosed group near index 1",
                "api.yaml #/paths/~1pets/post/x-amazon-apigateway-integration/responses/(/statusCode: statusCode '2000'"
                        + " is not a three-digit HTTP status code",
                "api.yaml #/paths/~1pets~1{id}/delete: no x-amazon-apigateway-integration: API Gateway refuses a method"
                        + " without one (\"No integration defined for method\")",
                "api.yaml #/paths/~1pets~1{name}: A sibling ({id}) of this resource already has a variable path part"
                        + " -- only one is allowed");
    }

    @Test
    void twoDefinitionsWithTheSameApiName() {
        Path first = Definitions.write(folder, "pet-store.yaml", getPetsWith("type: mock\n"));
        Path second = Definitions.write(folder, "Pet_Store.json", getPetsWith("type: mock\n"));

        diagnostics = Generator.validate(List.of(first, second));

        thenErrors("Pet_Store.json: the API name 'pet_store' (from the file name) is taken by pet-store.yaml: rename"
                + " one of the files");
    }

    @Test
    void missingFile() {
        diagnostics = Generator.validate(List.of(folder.resolve("nothing.yaml")));

        thenErrors("nothing.yaml: cannot read the definition: no such file");
    }

    @Test
    void aRunWithAnErrorWritesNothing() {
        Path definition = Definitions.write(folder, "api.yaml", getPetsWith("type: nope\n"));

        GenerationResult result = Generator.generate(new GenerationRequest(List.of(definition), folder.resolve("java"),
                folder.resolve("resources"), "turnpike.generated"));

        assertThat(result.hasErrors()).isTrue();
        assertThat(result.apis()).isEmpty();
        assertThat(result.writtenFiles()).isEmpty();
        assertThat(folder.resolve("java")).doesNotExist();
    }

    @Test
    void binaryMediaTypesMustBeMediaTypes() {
        givenDefinition("""
                openapi: 3.0.1
                info: {title: t, version: '1'}
                x-amazon-apigateway-binary-media-types: [image/png, '*/*', png, 7]
                paths:
                  /pets:
                    get:
                      x-amazon-apigateway-integration: {type: mock}
                """);
        thenErrors("api.yaml #/x-amazon-apigateway-binary-media-types/2: expected a media type such as image/png,"
                        + " found 'png'",
                "api.yaml #/x-amazon-apigateway-binary-media-types/3: expected a media type such as image/png,"
                        + " found the number 7");
    }
}
