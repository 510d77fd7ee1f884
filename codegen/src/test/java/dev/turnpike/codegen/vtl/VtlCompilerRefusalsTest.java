package dev.turnpike.codegen.vtl;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.palantir.javapoet.ClassName;
import org.junit.jupiter.api.Test;

/** What the compiler refuses, each with the whole message: the template position and the reason. */
class VtlCompilerRefusalsTest {

    private static final ClassName TYPE = ClassName.get("turnpike.generated.vtl", "Refused");

    @Test
    void constructsItDoesNotCompile() {
        thenRefused("x\n  #define($b)hello#end$b", "line 2, column 3: #define is not supported by the template compiler");
        thenRefused("#macro(m $a)[$a]#end#m(1)", "line 1, column 1: #macro is not supported by the template compiler");
        thenRefused("#evaluate('$x')", "line 1, column 1: #evaluate is not supported in mapping templates");
        thenRefused("${x|'none'}", "line 1, column 1: a default value in a reference is not supported by the"
                + " template compiler");
        thenRefused("#foreach($i in [1..2])#break($x)#end", "line 1, column 23: #break with an argument other than"
                + " $foreach inside a loop is not supported by the template compiler");
        thenRefused("#foreach($i in [1..2])#set($s = \"#break\")#end", "line 1, column 33: #break or #stop inside a"
                + " string literal is not supported by the template compiler");
    }

    @Test
    void aTemplateTooLongForOneJavaMethod() {
        String unit = "#set($v = \"$x\")$util.escapeJavaScript($input.path('$.a').b.c.d)#foreach($z in [1..2])$z#end"
                + " #if($x.a > 1 && $y || !$z)y#elseif($q)#else#end\n";
        thenRefused(unit.repeat(100), "line 1, column 1: the template is too long to compile into one Java method"
                + " (6300 statements, at most 5000)");
    }

    @Test
    void aSyntaxErrorIsTheParsersMessage() {
        thenRefused("#if($x", "line 1, column 7: unexpected end of template");
    }

    private static void thenRefused(String template, String message) {
        assertThatThrownBy(() -> VtlCompiler.compile(template, "api.yaml #/x", TYPE))
                .isInstanceOf(VtlCompileException.class)
                .hasMessage(message);
    }
}
