package dev.turnpike.runtime.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JsonSmartJsonProvider;
import com.jayway.jsonpath.spi.mapper.JsonSmartMappingProvider;
import java.util.List;
import net.minidev.json.JSONValue;
import net.minidev.json.parser.JSONParser;
import org.junit.jupiter.api.Test;

/**
 * {@link SimplePath} decides only what Jayway would answer the same way: for every payload and path here, a
 * decided read is the very object Jayway selects (or "nothing" where Jayway finds no results).
 */
class SimplePathTest {

    private static final Configuration JAYWAY = Configuration.builder()
            .jsonProvider(new JsonSmartJsonProvider(JSONParser.MODE_PERMISSIVE, JSONValue.defaultReader.DEFAULT_ORDERED))
            .mappingProvider(new JsonSmartMappingProvider())
            .build();

    private static final List<String> PAYLOADS = List.of("{}", "{\"name\": \"Rex\", \"tags\": [\"a\", \"b\"]}",
            "{\"n\": null, \"a\": {\"b\": {\"c\": 1}, \"n\": null, \"list\": [1]}, \"s\": \"x\", \"_u1\": true}",
            "[1, 2]", "\"text\"", "a=b", "42", "{\"a\": [{\"b\": 1}]}", "{\"a\": \"str\"}",
            "{\"a.b\": 1, \"a\": {\"b\": 2}}");

    private static final List<String> PATHS = List.of("$", "$.name", "$.tags", "$.nonExisting", "$.n", "$.n.deeper",
            "$.a", "$.a.b", "$.a.b.c", "$.a.b.missing", "$.a.missing.c", "$.a.n", "$.a.n.x", "$.a.list", "$.a.list.x",
            "$.s", "$.s.length", "$._u1", "$.a.b.c.d", "$.1a", "$.a-b", "$['a']", "$.a[0]", "$..b", "$.a.", "$.",
            "$.a..b", "@.a", "a");

    @Test
    void everyDecidedReadIsJaywaysAnswer() throws Exception {
        int decided = 0;
        for (String text : PAYLOADS) {
            Object root = Payload.parse(text).root();
            for (String path : PATHS) {
                Object fast = SimplePath.read(path, root);
                if (fast == SimplePath.UNDECIDED) {
                    continue;
                }
                decided++;
                Object jayway;
                try {
                    jayway = JsonPath.compile(path).read(root, JAYWAY);
                } catch (PathNotFoundException e) {
                    jayway = SimplePath.ABSENT;
                }
                assertThat(fast).as("%s on %s", path, text).isSameAs(jayway);
            }
        }
        assertThat(decided).as("reads decided without Jayway").isGreaterThan(30);
    }

    @Test
    void theCommonPathsAreDecided() throws Exception {
        Object root = Payload.parse("{\"name\": \"Rex\", \"a\": {\"b\": null}}").root();
        assertThat(SimplePath.read("$", root)).isSameAs(root);
        assertThat(SimplePath.read("$.name", root)).isEqualTo("Rex");
        assertThat(SimplePath.read("$.a.b", root)).isNull();
        assertThat(SimplePath.read("$.nonExisting", root)).isSameAs(SimplePath.ABSENT);
        assertThat(SimplePath.read("$.nonExisting.deeper", root)).isSameAs(SimplePath.UNDECIDED);
        assertThat(SimplePath.read("$['name']", root)).isSameAs(SimplePath.UNDECIDED);
    }
}
