package dev.turnpike.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.model.IntegrationType;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.routing.RouteMatch;
import dev.turnpike.runtime.routing.Router;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The golden example compiles against the runtime, is found by ServiceLoader, and routes as API Gateway does. */
class GeneratedCodeTest {

    @TempDir
    static Path out;

    static GeneratedApi api;
    static Router router;

    @BeforeAll
    static void generateCompileAndLoad() {
        GenerationResult result = Generator.generate(new GenerationRequest(
                List.of(Path.of("src/test/resources/golden/petstore.yaml")),
                out.resolve("java"), out.resolve("resources"), "turnpike.generated"));
        assertThat(result.hasErrors()).isFalse();
        URLClassLoader loader = TestCompiler.compile(List.of(out.resolve("java")), List.of(out.resolve("resources")),
                out.resolve("classes"));
        api = ServiceLoader.load(GeneratedApi.class, loader).findFirst().orElseThrow();
        router = new Router(api.routes());
    }

    @Test
    void isFoundByServiceLoaderWithItsConstants() {
        assertThat(api.name()).isEqualTo("petstore");
        assertThat(api.title()).isEqualTo("Petstore");
        assertThat(api.source()).isEqualTo("petstore.yaml");
        assertThat(api.deploymentId()).matches("[a-z0-9]{10}");
        assertThat(api.operations()).extracting(Operation::toString).containsExactly(
                "GET /pets -> HTTP_PROXY http://petstore.example.com/pets",
                "POST /pets -> MOCK",
                "GET /pets/{petId} -> HTTP_PROXY https://${stageVariables.backend}/pets/{petId}",
                "GET /status/health -> MOCK",
                "ANY /{proxy+} -> HTTP_PROXY http://legacy.example.com/{proxy}");
    }

    @Test
    void literalResource() {
        RouteMatch match = router.match("/pets", "GET");

        assertThat(match.operation().operationId()).isEqualTo("listPets");
        assertThat(match.operation().integration().timeoutInMillis()).isEqualTo(5000);
        assertThat(match.pathParameters()).isEmpty();
    }

    @Test
    void secondMethodOfTheSameResource() {
        RouteMatch match = router.match("/pets", "POST");

        assertThat(match.operation().integration().type()).isEqualTo(IntegrationType.MOCK);
        assertThat(match.operation().integration().responses()).singleElement().satisfies(response -> {
            assertThat(response.isDefault()).isTrue();
            assertThat(response.statusCode()).isEqualTo("201");
            assertThat(response.responseParameters()).containsEntry("method.response.header.Location", "'/pets/1'");
        });
    }

    @Test
    void pathParameter() {
        RouteMatch match = router.match("/pets/42", "GET");

        assertThat(match.operation().operationId()).isEqualTo("getPet");
        assertThat(match.pathParameters()).isEqualTo(Map.of("petId", "42"));
        assertThat(match.operation().requestParameters()).containsEntry("method.request.path.petId", true);
    }

    @Test
    void knownResourceWithoutTheMethod() {
        RouteMatch match = router.match("/pets/42", "DELETE");

        assertThat(match.resource().path()).isEqualTo("/pets/{petId}");
        assertThat(match.operation()).isNull();
    }

    @Test
    void intermediateResourceWithoutMethodsFallsToTheGreedyParameter() {
        RouteMatch match = router.match("/status", "GET");

        assertThat(match.resource().path()).isEqualTo("/{proxy+}");
        assertThat(match.pathParameters()).isEqualTo(Map.of("proxy", "status"));
    }

    @Test
    void nestedLiteralResource() {
        RouteMatch match = router.match("/status/health", "GET");

        assertThat(match.operation().resourcePath()).isEqualTo("/status/health");
        assertThat(match.operation().integration().responses()).extracting(r -> r.selectionPattern())
                .containsExactly("5\\d{2}", null);
    }

    @Test
    void greedyParameterTakesTheRestOfThePathForAnyMethod() {
        RouteMatch match = router.match("/old/catalog/items", "PATCH");

        assertThat(match.operation().httpMethod()).isEqualTo("ANY");
        assertThat(match.pathParameters()).isEqualTo(Map.of("proxy", "old/catalog/items"));
    }

    @Test
    void rootHasNoMethods() {
        assertThat(router.match("/", "GET")).isNull();
    }
}
