package dev.turnpike.codegen.vtl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.codegen.TemplateClassCompiler;
import dev.turnpike.runtime.template.MappingTemplate;
import dev.turnpike.runtime.template.TemplateContext;
import dev.turnpike.runtime.template.TemplateException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: for any template the reference engine accepts and any input, the compiled class renders exactly what
 * the engine renders (output, overrides, or the same failure at the same place). Templates come from
 * {@link RandomTemplates} with a fixed seed ({@code -Dturnpike.vtl.seed} to try others); the count and the time
 * are bounded ({@code -Dturnpike.vtl.templates}, 20 s of rendering).
 */
class RandomTemplatesDifferentialTest {

    private static final List<String> BODIES = List.of("",
            "{\"a\": 1, \"s\": \"it's \\\"q\\\" / \u00e9\", \"list\": [1, {\"k\": \"v\"}, [2]], \"obj\": {\"k\": \"v\", \"n\": null}}",
            "[{\"a\": 2}]", "plain text", "{\"a\": ", "{\"obj\": {}, \"list\": []}");

    /**
     * Velocity 2.4's arithmetic and negation nodes build a log message from their operand's source text even when
     * they only log it, and that text is gone after parsing for literals ({@code -true}, {@code 'a' * 2}): the
     * interpreter then throws a NullPointerException ({@code Cannot read field "kind"}, or no message once the JIT
     * throws its preallocated one) instead of rendering. The compiled class renders Velocity's intended result
     * (null, printed as nothing). Counted and printed, not compared.
     */
    private static final String ENGINE_CRASH = "threw java.lang.NullPointerException";

    @TempDir
    Path folder;

    @Test
    void randomTemplatesRenderIdenticallyCompiledAndInterpreted() {
        long seed = Long.getLong("turnpike.vtl.seed", 20261125L);
        int count = Integer.getInteger("turnpike.vtl.templates", 600);
        RandomTemplates generator = new RandomTemplates(seed);
        List<String> sources = new ArrayList<>();
        int unparseable = 0;
        for (int i = 0; i < count; i++) {
            String source = generator.template();
            if (parse(source) == null) {
                unparseable++;
            } else {
                sources.add(source);
            }
        }
        long compileStart = System.nanoTime();
        List<String> refusals = new ArrayList<>();
        List<MappingTemplate> compiled = TemplateClassCompiler.compile(sources, folder, refusals);
        long compileMillis = (System.nanoTime() - compileStart) / 1_000_000;

        long deadline = System.nanoTime() + 20_000_000_000L;
        List<String> differences = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        int pairs = 0;
        int identical = 0;
        int failuresAlike = 0;
        int rendered = 0;
        int engineCrashes = 0;
        for (int i = 0; i < sources.size() && System.nanoTime() < deadline; i++) {
            if (compiled.get(i) == null) {
                refused.add(refusals.get(i) + " in: " + sources.get(i));
                continue;
            }
            rendered++;
            MappingTemplate viaEngine = parse(sources.get(i));
            for (String body : BODIES) {
                Supplier<TemplateContext.Builder> input = Renders.request(body,
                        Map.of("requestId", "r-1", "identity", Map.of("sourceIp", "127.0.0.1")));
                String expected = Renders.outcome(viaEngine, input);
                String actual = Renders.outcome(compiled.get(i), input);
                pairs++;
                if (expected.equals(actual)) {
                    identical++;
                    if (expected.startsWith("failure") || expected.startsWith("threw")) {
                        failuresAlike++;
                    }
                } else if (expected.startsWith(ENGINE_CRASH) && !actual.startsWith("threw")) {
                    engineCrashes++;
                } else if (differences.size() < 15) {
                    differences.add(sources.get(i).replace("\n", "\\n") + "\n    body: " + body
                            + "\n    compiled:    " + actual.replace("\n", "\\n")
                            + "\n    interpreted: " + expected.replace("\n", "\\n"));
                }
            }
        }
        System.out.println("VTL differential, random (seed " + seed + "): " + count + " templates generated, "
                + unparseable + " refused by the parser, " + sources.size() + " compiled in " + compileMillis
                + " ms (" + refused.size() + " refused by the compiler), " + rendered + " rendered; " + identical
                + "/" + pairs + " template x input pairs identical (" + failuresAlike + " of them failing alike), "
                + engineCrashes + " where the interpreter crashed building a log message (see ENGINE_CRASH)");
        refused.forEach(r -> System.out.println("  REFUSED " + r));
        differences.forEach(d -> System.out.println("  DIFF " + d));
        assertThat(differences).isEmpty();
        assertThat(refused).isEmpty();
        assertThat(pairs).isGreaterThan(1000);
    }

    private static MappingTemplate parse(String source) {
        try {
            return MappingTemplate.parse(source, "random");
        } catch (TemplateException e) {
            return null;
        }
    }
}
