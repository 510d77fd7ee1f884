package dev.turnpike.runtime.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@link SandboxTest} leaves out: static members reached through an instance (Java lets {@code n.getInteger(..)}
 * call {@code Integer.getInteger}, which reads system properties), bare class-like references, and templates that
 * build a template at render time ({@code #evaluate}) to get past the checks made when a template is parsed.
 */
class HostileTemplatesTest {

    @Test
    void noStaticMemberIsReachableThroughAnInstance() throws Exception {
        List<String> hostile = List.of(
                "#set($n = 1)$n.getInteger('java.specification.version')",
                "#set($n = 1)$n.getLong('java.specification.version')",
                "#set($b = true)$b.getBoolean('java.awt.headless')",
                "#set($n = 1)$n.MAX_VALUE", "$input.body.CASE_INSENSITIVE_ORDER",
                "$input.body.valueOf(7)", "$input.body.format('%s', 'formatted')", "$input.body.join('-', ['x', 'y'])",
                "#set($n = 1)$n.parseInt('7')", "#set($n = 1)$n.decode('7')", "#set($n = 1)$n.toString(7, 2)",
                "$input.body.copyValueOf(['x'])", "#set($m = {})$m.of('k', 'v')", "#set($l = [])$l.of('x')",
                "#set($l = [])$l.copyOf($l)");
        for (String template : hostile) {
            assertThat(SandboxTest.render(template)).as(template).isEmpty();
        }
    }

    @Test
    void classLikeNamesAreUndefined() throws Exception {
        for (String name : List.of("$class", "$Class", "$class.forName('java.lang.Runtime')", "$System",
                "$Runtime", "$Math.max(1, 2)", "$runtime", "$velocityContext", "$ctx", "$request", "$response",
                "$application", "$session", "$esc", "$foreach.class")) {
            assertThat(SandboxTest.render(name)).as(name).isIn("", name.replaceAll("\\.class$", ""));
        }
    }

    @Test
    void aTemplateBuiltAtRenderTimeIsNoWayOut() throws Exception {
        List<String> hostile = List.of(
                "#evaluate('$input.getClass()')", "#evaluate(\"#include('/etc/passwd')\")",
                "#evaluate(\"#parse('/etc/passwd')\")", "#set($d = '#')#evaluate(\"${d}include('/etc/passwd')\")",
                "#define($x)$input.getClass()#end$x");
        for (String template : hostile) {
            String rendered;
            try {
                rendered = SandboxTest.render(template);
            } catch (TemplateException refused) {
                continue;
            }
            assertThat(rendered).as(template).doesNotContain("root:").doesNotContain("class ");
        }
    }
}
