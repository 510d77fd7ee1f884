package dev.turnpike.runtime.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** API Gateway's VTL on the reference engine: null rules, variables, overrides, errors (SEMANTICS.md §2, §12). */
class MappingTemplateTest {

    static String render(String template) throws TemplateException {
        return render(template, TemplateContext.builder());
    }

    static String render(String template, TemplateContext.Builder context) throws TemplateException {
        return MappingTemplate.parse(template, "t.yaml #/x").render(context.build());
    }

    // --- null and undefined (§2.1-2.3, §12) ---

    @Test
    void undefinedAndNullRenderAsNothing() throws Exception {
        assertThat(render("[$undefined][$!undefined][${undefined}][$undefined.foo.bar][$input.body.nothing]"))
                .isEqualTo("[][][][][]");
        assertThat(render("#set($m = {})[$m.missing][$m.put(\"k\", \"v\")][$m.k]")).isEqualTo("[][][v]");
    }

    @Test
    void nullEqualsEmptyStringAndNull() throws Exception {
        assertThat(render("#if($undefined == \"\")T#{else}F#end")).isEqualTo("T");
        assertThat(render("#if($undefined == $null)T#{else}F#end")).isEqualTo("T");
        assertThat(render("#if($undefined.foo != '')T#{else}F#end")).isEqualTo("F");
        assertThat(render("#set($l = [])#if($l == \"\")T#{else}F#end")).isEqualTo("F");
    }

    @Test
    void missingValuesAreTruthyAsInVelocity17WithNullAsEmpty() throws Exception {
        // Unrecorded on AWS (§2.3): the null-as-"" model with Velocity 1.7 truthiness makes both true.
        assertThat(render("#if($undefined)T#{else}F#end")).isEqualTo("T");
        assertThat(render("#set($e = \"\")#if($e)T#{else}F#end")).isEqualTo("T");
        assertThat(render("#if(false)T#{else}F#end")).isEqualTo("F");
    }

    @Test
    void settingANullValueStoresTheEmptyString() throws Exception {
        assertThat(render("#set($x = \"a\")#set($x = $m.missing)[$x]")).isEqualTo("[]");
    }

    // --- syntax AWS accepts (§2.15) ---

    @Test
    void velocity17SyntaxAwsAccepts() throws Exception {
        assertThat(render("#set ($a = 1)#set($b = $a + 2)$b")).isEqualTo("3");
        assertThat(render("#foreach($i in [0..2])$i#if($foreach.hasNext),#end#end")).isEqualTo("0,1,2");
        assertThat(render("#set($m = {\"a\": 1})#set($k = \"b\")#set($m[$k] = \"v\")$m")).isEqualTo("{a=1, b=v}");
        assertThat(render("#set($idx = 1)#set($p = \"$.r[${idx}]\")$p")).isEqualTo("$.r[1]");
        assertThat(render("#set($x = 2)#if($x == 1)one#elseif($x == 2)two#{else}other#end")).isEqualTo("two");
        assertThat(render("#define($d)block $x#end#set($x = 1)$d")).isEqualTo("block 1");
        assertThat(render("#macro(twice $v)$v$v#end#twice(\"ab\")")).isEqualTo("abab");
        assertThat(render("#set($n = 7 / 2)$n|#set($f = 7.0 / 2)$f")).isEqualTo("3|3.5");
    }

    @Test
    void hyphenatedIdentifiersWorkAsInVelocity17() throws Exception {
        TemplateContext.Builder context = TemplateContext.builder();
        TemplateOverrides overrides = new TemplateOverrides();
        assertThat(render("#set($context.requestOverride.header.X-Amz-Target = \"v\")ok", context.overrides(overrides)))
                .isEqualTo("ok");
        assertThat(overrides.requestHeaders()).isEqualTo(Map.of("X-Amz-Target", "v"));
    }

    @Test
    void whitespaceAroundDirectivesIsGobbledAsVelocity17Does() throws Exception {
        // Velocity's "bc" gobbling (1.7's): a directive eats the newline ending its line and keeps its indentation;
        // whitespace between a reference and a following #set goes too.
        assertThat(render("#set($a = 1)\n{\n  #if($a == 1)\n  \"a\": $a\n  #end\n}\n"))
                .isEqualTo("{\n    \"a\": 1\n  }\n");
        assertThat(render("#set($n = 1)$n #set($m = 2)$m x  #set($o = 3)y")).isEqualTo("12 x  y");
    }

    // --- $input (§2.4-2.8) ---

    @Test
    void inputBodyIsRawAndEmptyIsBraces() throws Exception {
        assertThat(render("$input.body", TemplateContext.builder().body("{\"some\": \"value\"}")))
                .isEqualTo("{\"some\": \"value\"}");
        assertThat(render("$input.body|$input.json('$')|$input.path('$')", TemplateContext.builder().body(null)))
                .isEqualTo("{}|{}|{}");
    }

    @Test
    void inputPathGivesLiveObjects() throws Exception {
        TemplateContext.Builder c = TemplateContext.builder().body("{\"records\": [{\"a\": 1}, {\"a\": 2}], \"s\": \"x\"}");
        assertThat(render("$input.path('$.records').size() $input.path('$.records')[1].a $input.path('$.s').length()"
                + " $input.path('$').toString().contains(\"records\")", c)).isEqualTo("2 2 1 true");
        assertThat(render("#set($n = $input.path('$.records').size() - 1)#foreach($i in [0..$n])"
                + "$input.path(\"$.records[${i}].a\")#end", c)).isEqualTo("12");
    }

    @Test
    void inputParamsLooksInPathThenQueryThenHeader() throws Exception {
        TemplateContext.Builder c = TemplateContext.builder()
                .pathParameters(Map.of("id", "from-path"))
                .queryParameters(Map.of("id", List.of("from-query"), "q", List.of("1", "2")))
                .headers(Map.of("id", List.of("from-header"), "X-Thing", List.of("h")));
        assertThat(render("$input.params('id') $input.params('q') $input.params('X-Thing') [$input.params('none')]", c))
                .isEqualTo("from-path 2 h []");
        assertThat(render("$input.params('x-thing') $input.params().header.get('X-THING')", c)).isEqualTo("h h");
    }

    @Test
    void inputParamsWithoutANameGivesTheThreeMaps() throws Exception {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Accept", List.of("application/json"));
        headers.put("Connection", List.of("close"));
        TemplateContext.Builder c = TemplateContext.builder().pathParameters(Map.of("p", "1"))
                .queryParameters(Map.of("q", List.of("a", "b"))).headers(headers);
        assertThat(render("$input.params()", c))
                .isEqualTo("{path={p=1}, querystring={q=b}, header={Accept=application/json}}");
    }

    @Test
    void headersHiddenFromTemplatesAreEmpty() throws Exception {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String h : List.of("Connection", "Content-MD5", "Expect", "Max-Forwards", "Proxy-Authenticate", "Server",
                "TE", "Trailer", "Transfer-Encoding", "Upgrade", "WWW-Authenticate", "Referer")) {
            headers.put(h, List.of("v"));
        }
        StringBuilder template = new StringBuilder();
        headers.keySet().forEach(h -> template.append('[').append("$input.params('").append(h).append("')]"));
        assertThat(render(template.toString(), TemplateContext.builder().headers(headers)))
                .isEqualTo("[][][][][][][][][][][][v]");
    }

    @Test
    void methodRequestGivesSingleAndMultiValues() throws Exception {
        TemplateContext.Builder c = TemplateContext.builder().pathParameters(Map.of("id", "7"))
                .queryParameters(Map.of("q", List.of("a", "b"))).headers(Map.of("X-H", List.of("1", "2")));
        assertThat(render("$method.request.path.id $method.request.querystring.q $method.request.header.x-h "
                + "$method.request.multivaluequerystring.q $method.request.multivalueheader.X-H", c))
                .isEqualTo("7 b 2 [a, b] [1, 2]");
    }

    // --- $stageVariables and $context (§2.12-2.14) ---

    @Test
    void stageVariablesInEveryDocumentedSyntax() throws Exception {
        TemplateContext.Builder c = TemplateContext.builder().stageVariables(Map.of("name", "v"));
        assertThat(render("$stageVariables.name $stageVariables['name'] ${stageVariables['name']} [$stageVariables.no]", c))
                .isEqualTo("v v v []");
    }

    @Test
    void contextNestedMapsRenderAsNothingButAreReadable() throws Exception {
        Map<String, Object> identity = new HashMap<>();
        identity.put("sourceIp", "203.0.113.10");
        identity.put("user", null);
        TemplateContext.Builder c = TemplateContext.builder()
                .context(Map.of("stage", "dev", "requestTimeEpoch", 1747753652000L, "identity", identity));
        assertThat(render("$context.stage $context.requestTimeEpoch [$context.identity] [$context.get('identity')] "
                + "$context.identity.sourceIp [$context.identity.user] [$context.requestOverride]", c))
                .isEqualTo("dev 1747753652000 [] [] 203.0.113.10 [] []");
    }

    @Test
    void contextAuthorizerIsAnEmptyMapThatIsNotAKey() throws Exception {
        assertThat(render("[#foreach($k in $context.authorizer.keySet())$k#end][$context.authorizer.claims]"
                + "$context.containsKey('authorizer')")).isEqualTo("[][]false");
        TemplateContext.Builder c = TemplateContext.builder()
                .context(Map.of("authorizer", Map.of("principalId", "me", "n", "1")));
        assertThat(render("$context.authorizer.principalId $context.authorizer.n", c)).isEqualTo("me 1");
    }

    @Test
    void contextErrorMessageStringIsTheQuotedMessage() throws Exception {
        TemplateContext.Builder c = TemplateContext.builder()
                .context(Map.of("error", Map.of("message", "Missing \"token\"", "responseType", "X")));
        assertThat(render("{\"message\":$context.error.messageString}", c))
                .isEqualTo("{\"message\":\"Missing \\\"token\\\"\"}");
    }

    @Test
    void overridesCarryFromTheRequestTemplateToTheResponseTemplate() throws Exception {
        TemplateOverrides overrides = new TemplateOverrides();
        render("#set($context.requestOverride.querystring['q'] = 'v')"
                + "#set($context.responseOverride.status = 444)"
                + "#set($context.responseOverride.header.foo = 'bar')"
                + "$context.responseOverride.put('custom', 1)", TemplateContext.builder().overrides(overrides));
        assertThat(overrides.responseStatus()).hasValue(444);
        assertThat(overrides.responseHeaders()).isEqualTo(Map.of("foo", "bar"));
        assertThat(overrides.requestQuerystring()).isEqualTo(Map.of("q", "v"));
        assertThat(render("$context.requestOverride.querystring.q $context.responseOverride.custom",
                TemplateContext.builder().overrides(overrides))).isEqualTo("v 1");
    }

    @Test
    void aStatusOverrideOutside100To599OrNotANumberIsIgnored() throws Exception {
        for (String value : List.of("99", "600", "'abc'", "4.5")) {
            TemplateOverrides overrides = new TemplateOverrides();
            render("#set($context.responseOverride.status = " + value + ")", TemplateContext.builder().overrides(overrides));
            assertThat(overrides.responseStatus()).as(value).isEmpty();
        }
        TemplateOverrides overrides = new TemplateOverrides();
        render("#set($context.responseOverride.status = '201')", TemplateContext.builder().overrides(overrides));
        assertThat(overrides.responseStatus()).hasValue(201);
    }

    // --- errors name the template, line and column ---

    @Test
    void aSyntaxErrorNamesTemplateLineAndColumn() {
        assertThatThrownBy(() -> MappingTemplate.parse("ok\n#if($a\n", "petstore.yaml #/paths/~1pets/get"))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.getMessage())
                            .isEqualTo("petstore.yaml #/paths/~1pets/get line 3, column 1: unexpected end of template");
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(1);
                    assertThat(e.reason()).isEqualTo("unexpected end of template");
                });
        assertThatThrownBy(() -> MappingTemplate.parse("x\n  #end", "n"))
                .hasMessage("n line 2, column 3: unexpected \"#end\"");
        assertThatThrownBy(() -> MappingTemplate.parse("#foreach($x in)#end", "n"))
                .hasMessage("n line 1, column 9: Too few arguments to the #foreach directive");
    }

    @Test
    void aBrokenJsonPayloadIsA400WithAwsMessage() {
        assertThatThrownBy(() -> render("x\n  $input.path('$.a')", TemplateContext.builder().body("{a")))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(
                            "t.yaml #/x line 2, column 10: the payload is not valid JSON: Unexpected End Of File position 1: null");
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.clientMessage()).isEqualTo("Could not process payload"
                            + "net.minidev.json.parser.ParseException: Unexpected End Of File position 1: null");
                });
    }

    @Test
    void aFunctionThatFailsIsA500AtItsPosition() {
        assertThatThrownBy(() -> render("$util.base64Decode('!!')"))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.getMessage())
                            .isEqualTo("t.yaml #/x line 1, column 7: base64Decode(...) failed: Illegal base64 character 21");
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.clientMessage()).isEqualTo("Internal server error");
                });
    }

    @Test
    void keepsItsSource() throws Exception {
        assertThat(MappingTemplate.parse("$input.body", "n").source()).isEqualTo("$input.body");
    }

    @Test
    void oneParsedTemplateRendersConcurrently() throws Exception {
        MappingTemplate template = MappingTemplate.parse(
                "#set($r = $input.path('$.n'))#foreach($i in [1..50])$r#end $input.params('id')", "concurrent");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 400; t++) {
                int n = t;
                results.add(pool.submit(() -> template.render(TemplateContext.builder().body("{\"n\": " + n + "}")
                        .pathParameters(Map.of("id", "p" + n)).build())
                        .equals(String.valueOf(n).repeat(50) + " p" + n)));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** The fast path for text with nothing to render gives exactly what the engine gives. */
    @Test
    void textWithoutReferencesOrDirectivesRendersAsTheEngineWould() throws TemplateException {
        TemplateContext context = TemplateContext.builder().body("{\"a\": 1}").build();
        for (String text : new String[] {"{\"statusCode\": 200}", "", "  \n\t\n", "line 1\r\nline 2\n",
                "{\"price\": \"5 EUR\"}\n  ", "<xml a='1'>\\n</xml>", "\\ ends with a backslash \\"}) {
            MappingTemplate template = MappingTemplate.parse(text, "static");
            assertThat(template.render(context)).as(text).isEqualTo(template.renderedByEngine(context)).isEqualTo(text);
        }
    }
}
