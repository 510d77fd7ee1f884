package dev.turnpike.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Definition loading fuzzed (issue 14, item 7): the golden petstore definition mutated at random (spans cut, lines
 * repeated and swapped, characters replaced, hostile snippets inserted), each mutant generated into a temporary
 * folder. Whatever the mutant, the build must end with diagnostics (every error naming the file) or with sources,
 * never an exception. Seeded and bounded by time: {@code -Dturnpike.fuzz.seed} (default fixed) and
 * {@code -Dturnpike.fuzz.seconds} (default 15; the CI run). A mutant that fails is written with its seed to
 * {@code src/test/resources/fuzz-corpus/definitions/}, where {@link DefinitionCorpusTest} replays it from then on.
 */
class DefinitionFuzzTest {

    static final Path CORPUS = Path.of("src/test/resources/fuzz-corpus/definitions");
    private static final long DEFAULT_SEED = 20261125L;
    private static final Path SEED_DEFINITION = Path.of("src/test/resources/golden/petstore.yaml");
    private static final String[] HOSTILE_CHARACTERS = {"{", "}", "[", "]", ":", "'", "\"", "&a", "*a", "\t", "#",
        "- ", "$", "%", "\\", "\u0000", "\u00e9", "\ud83d\ude00", "~1", "\n", "|", ">", "!!binary ", "? "};
    private static final String[] HOSTILE_SNIPPETS = {
        "x-amazon-apigateway-integration: {type: http, uri: 'http://{x', httpMethod: GET}",
        "x-amazon-apigateway-integration: {type: mock, requestTemplates: {application/json: '#set($a = '}}",
        "x-amazon-apigateway-integration: {type: mock, responses: {'(a+)+$': {statusCode: '200'}}}",
        "x-amazon-apigateway-integration: {type: aws, uri: 'arn:aws:apigateway:::'}",
        "x-amazon-apigateway-integration: {type: http_proxy, uri: 'http://h/{proxy}', timeoutInMillis: -1}",
        "x-amazon-apigateway-authorizer: {type: token, identitySource: 'method.request.header.'}",
        "x-amazon-apigateway-request-validator: nowhere",
        "x-amazon-apigateway-binary-media-types: [null, 7, '']",
        "$ref: '#/components/schemas/Nowhere'", "$ref: 'http://127.0.0.1:1/x.yaml'", "$ref: '../../../etc/passwd'",
        "parameters: [{name: id, in: path}]", "/{a}/{a}: {get: {}}", "/{proxy+}/x: {get: {}}",
        "security: [{nowhere: []}]", "responses: {'99999': {description: x}}", "operationId: 'class'",
        "requestBody: {content: {application/json: {schema: {type: [object, string]}}}}",
        "openapi: 9.9.9", "swagger: '2.0'", "x: !!java.net.URL ['http://127.0.0.1:1/']", "<<: *nowhere",
        "enum: []", "pattern: '('", "maxLength: 1e400", "default: {a: {b: {c: {}}}}"};

    @TempDir
    Path folder;

    @Test
    void mutatedDefinitionsEndInDiagnosticsOrSourcesNeverInAnException() throws IOException {
        long seed = Long.getLong("turnpike.fuzz.seed", DEFAULT_SEED);
        Duration budget = Duration.ofSeconds(Long.getLong("turnpike.fuzz.seconds", 15));
        Random random = new Random(seed);
        List<String> original = Files.readAllLines(SEED_DEFINITION, StandardCharsets.UTF_8);
        List<String> failures = new ArrayList<>();
        int mutants = 0;
        int refused = 0;
        long deadline = System.nanoTime() + budget.toNanos();
        while (System.nanoTime() < deadline) {
            String mutant = mutate(random, original);
            Path file = folder.resolve("mutant" + mutants + ".yaml");
            Files.writeString(file, mutant, StandardCharsets.UTF_8);
            DefinitionCorpusTest.Built built = DefinitionCorpusTest.build(file, folder.resolve("out" + mutants));
            if (built.problem() != null) {
                failures.add(keep(mutant, seed, mutants, built.problem()) + ": " + built.problem());
            } else if (built.refused()) {
                refused++;
            }
            mutants++;
        }
        System.out.printf("DefinitionFuzzTest: seed %d, %d mutants in %d s: %d refused with diagnostics, %d built,"
                + " %d failures%n", seed, mutants, budget.toSeconds(), refused, mutants - refused - failures.size(),
                failures.size());
        assertThat(failures).isEmpty();
    }

    /** The seed definition with one to four mutations. */
    static String mutate(Random random, List<String> original) {
        List<String> lines = new ArrayList<>(original);
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            int at = random.nextInt(lines.size());
            String line = lines.get(at);
            switch (random.nextInt(6)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, line);
                case 2 -> {
                    int other = random.nextInt(lines.size());
                    lines.set(at, lines.get(other));
                    lines.set(other, line);
                }
                case 3 -> {
                    int column = line.isEmpty() ? 0 : random.nextInt(line.length());
                    String hostile = HOSTILE_CHARACTERS[random.nextInt(HOSTILE_CHARACTERS.length)];
                    lines.set(at, line.substring(0, column) + hostile
                            + line.substring(Math.min(line.length(), column + random.nextInt(3))));
                }
                case 4 -> {
                    String indent = line.substring(0, line.length() - line.stripLeading().length());
                    lines.add(at, indent + HOSTILE_SNIPPETS[random.nextInt(HOSTILE_SNIPPETS.length)]);
                }
                default -> {
                    int end = Math.min(lines.size(), at + 1 + random.nextInt(8));
                    lines.subList(at, end).clear();
                }
            }
            if (lines.isEmpty()) {
                lines.add("{}");
            }
        }
        return String.join("\n", lines) + "\n";
    }

    /** Writes a failing mutant into the corpus, named by seed and number, and returns its name. */
    private static String keep(String mutant, long seed, int number, String problem) {
        Path kept = CORPUS.resolve("fuzz-" + seed + "-" + number + ".yaml");
        try {
            Files.createDirectories(CORPUS);
            Files.writeString(kept, "# found by DefinitionFuzzTest, seed " + seed + ", mutant " + number + ": "
                    + problem.lines().findFirst().orElse("").replaceAll("[^\\x20-\\x7e]", "?") + "\n" + mutant,
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return kept.toString();
    }
}
