package dev.turnpike.codegen.vtl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.codegen.TemplateClassCompiler;
import dev.turnpike.runtime.template.MappingTemplate;
import dev.turnpike.runtime.template.TemplateContext;
import dev.turnpike.runtime.template.TemplateException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Every request, response and gateway-response template of the corpus definitions
 * ({@code ../shared/conformance/openapi-aws}) is compiled, then rendered compiled and on the reference engine on a
 * set of payloads (JSON objects with the fields corpus templates read, arrays, empty, plain text, broken JSON) and
 * contexts: outputs, overrides and failures must be identical.
 */
class CorpusTemplatesDifferentialTest {

    /** Payloads: the corpus templates read $.name, $.id, $.body, $.message, $.data, ... */
    private static final List<String> BODIES = List.of("",
            "{\"name\":\"Rex\",\"id\":7,\"tag\":\"dog\",\"message\":\"hi\",\"body\":{\"a\":1},\"data\":[1,2,3],"
                    + "\"Records\":[{\"Data\":\"eyJhIjoxfQ==\",\"PartitionKey\":\"p\"}],\"a\":5,\"b\":3,"
                    + "\"op\":\"+\",\"input\":{\"a\":1,\"b\":2},\"Items\":[{\"id\":{\"S\":\"1\"}}],\"Count\":1}",
            "[{\"id\":1,\"type\":\"dog\",\"price\":249.99},{\"id\":2,\"type\":\"cat\",\"price\":124.99}]",
            "{\"errorMessage\":\"{\\\"key2\\\":{\\\"arr\\\":[1,2]}}\",\"errorType\":\"Error\"}",
            "plain text body", "{\"broken\": ", "{}", "{\"a\":\"1\",\"b\":\"x\",\"op\":\"/\"}");

    @TempDir
    Path folder;

    @Test
    void everyCorpusTemplateRendersIdenticallyCompiledAndInterpreted() throws IOException {
        Path corpus = Path.of(System.getProperty("turnpike.shared", "../../shared"), "conformance", "openapi-aws");
        List<Path> definitions;
        try (Stream<Path> files = Files.list(corpus)) {
            definitions = files.filter(f -> f.toString().matches(".*\\.(json|yaml|yml)$")).sorted().toList();
        }
        Set<String> found = new LinkedHashSet<>();
        for (Path definition : definitions) {
            try (Reader reader = Files.newBufferedReader(definition)) {
                collect(new Yaml(new TagsAsText(new LoaderOptions())).load(reader), false, found);
            }
        }
        List<String> sources = new ArrayList<>();
        for (String source : found) {
            if (parses(source)) {
                sources.add(source); // a template the build refuses is not compiled either
            }
        }
        List<String> refusals = new ArrayList<>();
        List<MappingTemplate> compiled = TemplateClassCompiler.compile(sources, folder, refusals);
        List<String> differences = new ArrayList<>();
        int pairs = 0;
        int identical = 0;
        for (int i = 0; i < sources.size(); i++) {
            MappingTemplate viaClass = compiled.get(i);
            if (viaClass == null) {
                differences.add("refused: " + refusals.get(i) + "\n" + sources.get(i));
                continue;
            }
            MappingTemplate viaEngine = parse(sources.get(i));
            for (String body : BODIES) {
                for (Map<String, Object> context : contexts()) {
                    Supplier<TemplateContext.Builder> input = Renders.request(body, context);
                    String expected = Renders.outcome(viaEngine, input);
                    String actual = Renders.outcome(viaClass, input);
                    pairs++;
                    if (expected.equals(actual)) {
                        identical++;
                    } else if (differences.size() < 20) {
                        differences.add(sources.get(i) + "\n  body: " + body + "\n  compiled:    " + actual
                                + "\n  interpreted: " + expected);
                    }
                }
            }
        }
        System.out.println("VTL differential, corpus: " + found.size() + " templates in " + definitions.size()
                + " definitions, " + sources.size() + " parse and were compiled; " + identical + "/" + pairs
                + " template x input pairs identical");
        differences.forEach(d -> System.out.println("  DIFF " + d));
        assertThat(differences).isEmpty();
        assertThat(sources).isNotEmpty();
    }

    private static List<Map<String, Object>> contexts() {
        return List.of(Map.of(),
                Map.of("requestId", "r-1", "stage", "dev", "httpMethod", "POST", "resourcePath", "/pets",
                        "identity", Map.of("sourceIp", "127.0.0.1", "userAgent", "curl"),
                        "authorizer", Map.of("principalId", "user", "claims", Map.of("sub", "s-1")),
                        "error", Map.of("message", "Forbidden", "messageString", "\"Forbidden\"")));
    }

    /** Every string under a {@code requestTemplates} or {@code responseTemplates} key, at any depth. */
    private static void collect(Object node, boolean templates, Set<String> found) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collect(v, templates || "requestTemplates".equals(k)
                    || "responseTemplates".equals(k), found));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collect(v, false, found));
        } else if (templates && node instanceof String s) {
            found.add(s);
        }
    }

    private static boolean parses(String source) {
        try {
            MappingTemplate.parse(source, "corpus");
            return true;
        } catch (TemplateException e) {
            return false;
        }
    }

    private static MappingTemplate parse(String source) {
        try {
            return MappingTemplate.parse(source, "corpus");
        } catch (TemplateException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads CloudFormation tags ({@code !Sub}, {@code !Ref}) as their text instead of refusing the file. */
    private static final class TagsAsText extends SafeConstructor {

        TagsAsText(LoaderOptions options) {
            super(options);
            this.yamlConstructors.put(null, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    return node instanceof ScalarNode scalar ? scalar.getValue() : null;
                }
            });
        }

    }
}
