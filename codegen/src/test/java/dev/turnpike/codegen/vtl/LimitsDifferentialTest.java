package dev.turnpike.codegen.vtl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.codegen.TemplateClassCompiler;
import dev.turnpike.runtime.template.MappingTemplate;
import dev.turnpike.runtime.template.RenderLimits;
import dev.turnpike.runtime.template.TemplateException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile templates meet the same {@link RenderLimits} compiled as interpreted, and fail with the same message at
 * the same template line:column: loops, doubling strings, long output, amplifying replacements, slow renders.
 */
class LimitsDifferentialTest {

    private static final RenderLimits SMALL = new RenderLimits(1_000, 20_000, 5_000, 1_000, Duration.ofMillis(300));

    private static final List<String> HOSTILE = List.of(
            "#foreach($i in [1..100000])x#end",
            "#set($s = \"ab\")\n#foreach($i in [1..40])#set($s = \"$s$s\")#end$s",
            "#foreach($i in [1..500])0123456789#end",
            "#set($s = \"aaaaaaaaaaaaaaaa\")$s.replaceAll(\"a\", \"$s$s$s$s$s$s$s$s$s$s\").replaceAll(\"a\", \"$s$s$s\")",
            "#set($m = {})\n#foreach($i in [1..900])#set($m[\"k$i\"] = \"$i\")#end$m.size()",
            "#set($m = {})\n#foreach($i in [1..900])#set($x = $m.put(\"k$i\", $i))#end$m.size()",
            "#set($k = $util.base64Encode('ab'))\n#foreach($i in [1..40])#set($k = $util.base64Encode(\"$k$k\"))#end$k",
            "line one\n  #foreach($i in [1..10])#foreach($j in [1..10])#foreach($k in [1..10])$i#end#end#end",
            "$input.path('$.a')", "#set($x = $input.json('$'))$x");

    /** The template where the interpreter names another position than the call that failed. */
    private static final int AMPLIFYING = 3;

    @TempDir
    Path folder;

    @Test
    void hostileTemplatesFailAlikeCompiledAndInterpreted() throws TemplateException {
        List<String> refusals = new ArrayList<>();
        List<MappingTemplate> compiled = TemplateClassCompiler.compile(HOSTILE, folder, refusals, SMALL);
        List<String> differences = new ArrayList<>();
        int failures = 0;
        for (int i = 0; i < HOSTILE.size(); i++) {
            MappingTemplate viaClass = compiled.get(i);
            MappingTemplate viaEngine = MappingTemplate.parse(HOSTILE.get(i), "template", SMALL);
            var input = Renders.request("{\"a\": ", Map.of());
            String expected = Renders.outcome(viaEngine, input);
            String actual = Renders.outcome(viaClass, input);
            System.out.println("limits: " + HOSTILE.get(i).replace("\n", "\\n") + "\n  -> " + actual);
            if (actual.startsWith("failure")) {
                failures++;
            }
            if (i == AMPLIFYING && !expected.equals(actual)) {
                // Velocity caches a method per render by name and argument types, with the position of the first
                // call it resolved: its failure in the second replaceAll names the first one (column 33). The
                // compiled class names the call that failed.
                assertThat(actual).contains("line 1, column 73: replaceAll could build");
                assertThat(expected).isEqualTo(actual.replace("column 73", "column 33"));
            } else if (!expected.equals(actual)) {
                differences.add(HOSTILE.get(i) + "\n  compiled:    " + actual + "\n  interpreted: " + expected);
            }
        }
        differences.forEach(d -> System.out.println("  DIFF " + d));
        assertThat(differences).isEmpty();
        assertThat(failures).isEqualTo(HOSTILE.size());
    }

}
