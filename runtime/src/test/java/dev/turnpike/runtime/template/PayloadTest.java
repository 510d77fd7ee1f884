package dev.turnpike.runtime.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The JSONPath and JSON quirks of {@code $input.path} / {@code $input.json} (SEMANTICS.md §2.4-2.7). */
class PayloadTest {

    static Payload payload(String text) throws Payload.BadPayloadException {
        return Payload.parse(text);
    }

    @Test
    void objectsPrintAsJavaMapsInInsertionOrder() throws Exception {
        assertThat(payload("{\"bigger\": \"dict\", \"to\": \"test\", \"with\": \"separators\"}").path("$"))
                .hasToString("{bigger=dict, to=test, with=separators}");
    }

    @Test
    void arraysPrintAsCompactJsonAlsoInsideMaps() throws Exception {
        Payload p = payload("{\"list\": [{\"foo\": \"bar\"}], \"map\": {\"foo\": [{\"nested\": \"bar\"}]}, "
                + "\"deep\": [[{\"foo\": \"bar\"}]]}");
        assertThat(p.path("$.list")).hasToString("[{\"foo\":\"bar\"}]");
        assertThat(p.path("$.map")).hasToString("{foo=[{\"nested\":\"bar\"}]}");
        assertThat(p.path("$.deep[0]")).hasToString("[{\"foo\":\"bar\"}]");
        assertThat(p.path("$.list[0]")).hasToString("{foo=bar}");
        assertThat(p.path("$.list[0].foo")).isEqualTo("bar");
    }

    @Test
    void missingPathAndJsonNullAreNullAndEmptyListStaysAList() throws Exception {
        Payload p = payload("{\"n\": null, \"empty\": []}");
        assertThat(p.path("$.nonExisting")).isNull();
        assertThat(p.path("$.n")).isNull();
        assertThat(p.path("$.n.deeper")).isNull();
        assertThat(p.path("$.empty")).hasToString("[]");
    }

    @Test
    void numbersAreIntegerLongDoubleAndBooleansBoolean() throws Exception {
        Payload p = payload("{\"i\": 1, \"l\": 12345678901234, \"d\": 1.0, \"b\": true}");
        assertThat(p.path("$.i")).isEqualTo(1);
        assertThat(p.path("$.l")).isEqualTo(12345678901234L);
        assertThat(p.path("$.d")).isEqualTo(1.0);
        assertThat(p.path("$.b")).isEqualTo(true);
    }

    @Test
    void indefinitePathsGiveLists() throws Exception {
        Payload p = payload("{\"records\": [{\"id\": 1}, {\"id\": 2}]}");
        assertThat(p.path("$.records[*].id")).hasToString("[1,2]");
        assertThat(p.path("$..id")).hasToString("[1,2]");
        assertThat(p.path("$.records[?(@.id > 1)]")).hasToString("[{\"id\":2}]");
        assertThat(p.path("$.records.length()")).isEqualTo(2);
    }

    @Test
    void textThatIsNotJsonIsTheStringItself() throws Exception {
        for (String text : new String[] {"a=b", "a{b", "a[", "null{", "true{", "false{", "undefined{", "name=toqoz"}) {
            assertThat(payload(text).path("$")).as(text).isEqualTo(text);
            assertThat(payload(text).json("$")).as(text).isEqualTo("\"" + text + "\"");
        }
    }

    @Test
    void textThatStartsLikeJsonAndBreaksIsABadPayloadWithAwsMessage() {
        assertThatThrownBy(() -> payload("{a")).isInstanceOfSatisfying(Payload.BadPayloadException.class,
                e -> assertThat(e.clientMessage()).isEqualTo("Could not process payload"
                        + "net.minidev.json.parser.ParseException: Unexpected End Of File position 1: null"));
        assertThatThrownBy(() -> payload("[a")).isInstanceOfSatisfying(Payload.BadPayloadException.class,
                e -> assertThat(e.clientMessage()).isEqualTo("Could not process payload"
                        + "net.minidev.json.parser.ParseException: Unexpected End Of File position 1: EOF"));
    }

    @Test
    void emptyPayloadIsAnEmptyObject() throws Exception {
        assertThat(payload("").path("$")).hasToString("{}");
        assertThat(payload(null).json("$")).isEqualTo("{}");
    }

    @Test
    void jsonIsCompactWithEscapedSlashes() throws Exception {
        Payload p = payload("{ \"foobar\": \"I'm going / there\", \"n\": null}");
        assertThat(p.json("$")).isEqualTo("{\"foobar\":\"I'm going \\/ there\",\"n\":null}");
        assertThat(p.json("$.foobar")).isEqualTo("\"I'm going \\/ there\"");
        assertThat(p.json("$.n")).isEqualTo("null");
    }

    @Test
    void jsonOfAPathThatSelectsNothingIsTwoQuotes() throws Exception {
        assertThat(payload("{}").json("$.message")).isEqualTo("\"\"");
        assertThat(payload("\"just a string\"").json("$.message")).isEqualTo("\"\"");
    }

    @Test
    void anExpressionThatIsNotJsonPathIsRefused() {
        assertThatThrownBy(() -> payload("{}").path("$[")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid JSONPath '$['");
    }
}
