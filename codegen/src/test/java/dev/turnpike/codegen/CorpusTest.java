package dev.turnpike.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.routing.RouteMatch;
import dev.turnpike.runtime.routing.Router;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every real-world definition of {@code ../shared/conformance/openapi-aws/} is generated and compiled, or refused
 * with reasons; a crash is a failure. Each generated API is loaded and every operation is found again through the
 * router at a path made from its own template.
 */
class CorpusTest {

    /** Definitions AWS documents as importable and that use nothing CloudFormation must resolve first. */
    private static final List<String> MUST_GENERATE = List.of(
            "awsdocs-http-proxy-greedy.json", "awsdocs-lambda-proxy-greedy.json", "awsdocs-simple-calc-lambda.json",
            "awsdocs-s3-proxy.json", "awsdocs-kinesis-proxy.json", "awsdocs-create-api-http.json",
            "awsdocs-import-aws-variables.yaml", "localstack-stage-variables-http-proxy.json", "secure-pet-store-iam.yaml");

    @TempDir
    Path out;

    @Test
    void everyDefinitionIsGeneratedAndCompiledOrRefusedWithReasons() throws Exception {
        Path corpus = Path.of(System.getProperty("turnpike.shared", "../../shared"), "conformance", "openapi-aws");
        assertThat(corpus).as("the corpus folder (system property turnpike.shared)").isDirectory();
        List<Path> definitions;
        try (Stream<Path> files = Files.list(corpus)) {
            definitions = files.filter(file -> file.toString().matches(".*\\.(json|yaml|yml)$")).sorted().toList();
        }

        List<Path> sourceRoots = new ArrayList<>();
        List<GeneratedApiInfo> generated = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Path definition : definitions) {
            Path target = out.resolve(definition.getFileName().toString());
            GenerationResult result = Generator.generate(new GenerationRequest(List.of(definition),
                    target.resolve("java"), target.resolve("resources"), "turnpike.generated"));
            if (result.hasErrors()) {
                List<Diagnostic> errors = result.diagnostics().stream().filter(Diagnostic::isError).toList();
                assertThat(errors).allSatisfy(error -> assertThat(error.message()).isNotBlank());
                refused.add(definition.getFileName().toString());
                System.out.println("corpus: refused   " + definition.getFileName() + ": " + summary(errors));
            } else {
                sourceRoots.add(target.resolve("java"));
                generated.addAll(result.apis());
                System.out.println("corpus: generated " + definition.getFileName() + " (" + result.apis().get(0).operations()
                        + " operations, " + result.diagnostics().size() + " warnings)");
            }
        }
        System.out.println("corpus: " + generated.size() + " generated, " + refused.size() + " refused with reasons");

        assertThat(generated).extracting(api -> api.definition().getFileName().toString())
                .containsAll(MUST_GENERATE.stream().filter(name -> Files.exists(corpus.resolve(name))).toList());
        URLClassLoader loader = TestCompiler.compile(sourceRoots, List.of(), out.resolve("classes"));
        for (GeneratedApiInfo info : generated) {
            GeneratedApi api = (GeneratedApi) loader.loadClass(info.qualifiedClassName()).getConstructor().newInstance();
            assertThat(api.operations()).hasSize(info.operations());
            Router router = new Router(api.routes());
            for (Operation operation : api.operations()) {
                RouteMatch match = router.match(samplePath(operation.resourcePath()), operation.httpMethod());
                assertThat(match).as(info.definition().getFileName() + ": " + operation).isNotNull();
                assertThat(match.operation()).as(info.definition().getFileName() + ": " + operation).isSameAs(operation);
            }
        }
    }

    private static String summary(List<Diagnostic> errors) {
        return errors.size() + (errors.size() == 1 ? " error: " : " errors, the first: ") + errors.get(0);
    }

    /** {@code /pets/{id}/{proxy+}} gives {@code /pets/id-value/proxy-value/more}. */
    private static String samplePath(String template) {
        return template.replaceAll("\\{([^}+]+)\\+}", "$1-value/more").replaceAll("\\{([^}]+)}", "$1-value");
    }
}
