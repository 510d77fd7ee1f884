package dev.turnpike.runtime.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile templates: nothing reaches a Java class, reflection, a static method, the file system or a method
 * outside the variables' surface (it renders as nothing, like any undefined reference), and every render is
 * bounded in loops, size and time.
 */
class SandboxTest {

    static final TemplateContext CONTEXT = TemplateContext.builder()
            .body("{\"a\": [1, 2], \"s\": \"text\"}")
            .context(Map.of("stage", "dev", "identity", Map.of("sourceIp", "1.2.3.4")))
            .stageVariables(Map.of("v", "1"))
            .build();

    static String render(String template) throws TemplateException {
        return MappingTemplate.parse(template, "hostile").render(CONTEXT);
    }

    static String render(String template, RenderLimits limits) throws TemplateException {
        return MappingTemplate.parse(template, "hostile", limits).render(CONTEXT);
    }

    static RenderLimits limits(int output, long produced, int string, long iterations, Duration time) {
        return new RenderLimits(output, produced, string, iterations, time);
    }

    @Test
    void noTemplateReachesAClass() throws Exception {
        List<String> hostile = List.of(
                "$input.getClass()", "$input.class", "$input.class.name", "$input.getClass().forName('java.lang.Runtime')",
                "$input.class.forName('java.lang.Runtime').getRuntime()", "$util.class", "$util.getClass()",
                "$util.getClass().forName('java.lang.System').getProperty('user.home')", "$context.getClass()",
                "$context.class", "$context.class.classLoader", "$stageVariables.getClass()", "$method.getClass()",
                "$input.body.getClass()", "$input.body.class.name", "$input.path('$').getClass()",
                "$input.path('$.a').getClass().getProtectionDomain()", "$input.path('$.a')[0].getClass()",
                "$input.params().getClass()", "$context.identity.getClass()", "$context.requestOverride.getClass()",
                "#foreach($i in [1..1])$foreach.getClass()$foreach.parent$foreach.topmost#end",
                "#set($m = {})$m.getClass()", "#set($l = [])$l.class", "#set($s = '')$s.getClass().getName()",
                "$input.body.split(',').getClass()", "#set($n = 1)$n.getClass()", "$input.body.chars()",
                "$input.body.getBytes()", "$input.body.describeConstable()", "$input.body.intern()",
                "$input.path('$.a').stream()", "$input.path('$.a').iterator()", "$input.path('$.a').toArray()",
                "$input.path('$.a').toJSONString()", "$input.path('$').entrySet().iterator()",
                "$util.wait()", "$util.notify()", "$input.hashCode()", "$util.INSTANCE",
                "$input.payload()", "$input.parameters");
        for (String template : hostile) {
            assertThat(render(template)).as(template).isEmpty();
        }
    }

    @Test
    void noTemplateRunsAProcessOrTouchesTheFileSystem(@TempDir Path dir) throws Exception {
        Path marker = dir.resolve("owned");
        String exec = "'touch " + marker + "'";
        assertThat(render("$input.class.forName('java.lang.Runtime').getRuntime().exec(" + exec + ")")).isEmpty();
        assertThat(render("$input.body.getClass().forName('java.lang.Runtime').getMethod('getRuntime')"
                + ".invoke($null).exec(" + exec + ")")).isEmpty();
        assertThat(render("#set($s = '')$s.class.forName('java.nio.file.Files').readString($s.class.forName("
                + "'java.nio.file.Path').of('/etc/passwd'))")).isEmpty();
        assertThat(Files.exists(marker)).isFalse();
    }

    @Test
    void resourceDirectivesAreRefusedAtParseTime() {
        assertThatThrownBy(() -> MappingTemplate.parse("a\n  #parse(\"/etc/passwd\")", "hostile"))
                .isInstanceOf(TemplateException.class)
                .hasMessage("hostile line 2, column 3: #parse is not supported in mapping templates");
        assertThatThrownBy(() -> MappingTemplate.parse("#include(\"/etc/passwd\")", "hostile"))
                .hasMessage("hostile line 1, column 1: #include is not supported in mapping templates");
        assertThatThrownBy(() -> MappingTemplate.parse("#if(true)#evaluate(\"$x\")#end", "hostile"))
                .hasMessage("hostile line 1, column 10: #evaluate is not supported in mapping templates");
    }

    @Test
    void aHugeRangeIsBoundedByTheIterationLimit() {
        assertThatThrownBy(() -> render("\n#foreach($i in [1..100000000])#end"))
                .hasMessage("hostile line 2, column 1: more than 1000000 #foreach iterations");
        assertThatThrownBy(() -> render("#foreach($i in [1..2000])#foreach($j in [1..2000])#end#end"))
                .hasMessageEndingWith("more than 1000000 #foreach iterations");
    }

    @Test
    void stringDoublingIsBoundedByTheProducedCharacters() {
        assertThatThrownBy(() -> render("#set($s = 'ab')#foreach($i in [1..40])#set($s = \"$s$s\")#end$s.length()"))
                .isInstanceOf(TemplateException.class)
                .hasMessageEndingWith("the template produced more than 67108864 characters");
    }

    @Test
    void collectionDoublingIsBoundedByTheElementLimit() {
        assertThatThrownBy(() -> render("#set($l = [1])#foreach($i in [1..40])#set($x = $l.addAll($l))#end"))
                .hasMessageEndingWith("a value of more than 1048576 elements");
    }

    @Test
    void amplifyingStringMethodsAreCheckedBeforeTheyRun() throws Exception {
        assertThatThrownBy(() -> render("#set($s = 'x')#foreach($i in [1..22])#set($s = $s.concat($s))#end"
                + "$s.replace('', $s)"))
                .hasMessageEndingWith("replace could build a string of more than 10485760 characters");
        assertThatThrownBy(() -> render("#set($s = 'xxxxxxxxxx')#foreach($i in [1..21])#set($s = $s.concat($s))#end"))
                .hasMessageEndingWith("concat could build a string of more than 10485760 characters");
        // String.repeat is not on the allow-list at all.
        assertThat(render("$input.body.repeat(2000000000)")).isEmpty();
    }

    @Test
    void outputIsBounded() {
        assertThatThrownBy(() -> render("#foreach($i in [1..100])0123456789#end",
                limits(500, 10_000, 1_000, 1_000, Duration.ofSeconds(5))))
                .hasMessageEndingWith("the output is longer than 500 characters");
    }

    @Test
    void timeIsBoundedEvenInsideARegex() {
        String slow = "#set($s = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!')$s.matches('(.*a){25}')";
        long start = System.nanoTime();
        assertThatThrownBy(() -> render(slow, limits(1_000, 10_000, 1_000, 1_000, Duration.ofMillis(200))))
                .hasMessage("hostile line 1, column 68: the render took longer than 200 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void recursionIsBounded() {
        assertThatThrownBy(() -> render("#macro(r $n)#r($n)#end#r(1)"))
                .hasMessage("hostile line 1, column 13: Max calling depth of 20 was exceeded in macro 'r' with Call "
                        + "Stack:r->r->r->r->r->r->r->r->r->r->r->r->r->r->r->r->r->r->r->r");
    }

    @Test
    void inlineMacrosStayInsideTheirTemplate() throws Exception {
        MappingTemplate.parse("#macro(leak)leaked#end", "first").render(CONTEXT);
        assertThat(render("[#leak()]")).isEqualTo("[#leak()]");
    }

    @Test
    void whatTheSurfaceAllowsStillWorks() throws Exception {
        assertThat(render("$input.body.length() $input.path('$.s').toUpperCase() $input.path('$.a').size() "
                + "$input.path('$').keySet() $input.body.replaceAll('[{}]', '').split(',').size() "
                + "#foreach($e in $input.path('$').entrySet())$e.key=$e.value;#end"))
                .isEqualTo("26 TEXT 2 [a, s] 3 a=[1,2];s=text;");
    }
}
