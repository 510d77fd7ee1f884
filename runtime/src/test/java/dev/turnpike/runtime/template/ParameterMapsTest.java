package dev.turnpike.runtime.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A pending {@code $input.params()} (each map copied on first read) is indistinguishable from the eager copy. */
class ParameterMapsTest {

    private static RequestParameters parameters() {
        return TemplateContext.builder().pathParameters(Map.of("id", "7"))
                .queryParameters(Map.of("q", List.of("a", "b")))
                .headers(Map.of("User-Agent", List.of("curl"), "Accept", List.of("*/*"))).build().parameters();
    }

    /** Runs {@code steps} on a pending and on a filled map; each step's answer must match, then the whole maps. */
    private static void same(List<Function<Map<String, Map<String, String>>, Object>> steps) {
        Map<String, Map<String, String>> pending = ParameterMaps.pending(parameters());
        Map<String, Map<String, String>> filled = ParameterMaps.filled(parameters());
        for (Function<Map<String, Map<String, String>>, Object> step : steps) {
            assertThat(String.valueOf(step.apply(pending))).isEqualTo(String.valueOf(step.apply(filled)));
        }
        assertThat(new ArrayList<>(pending.keySet())).isEqualTo(new ArrayList<>(filled.keySet()));
        assertThat(pending.toString()).isEqualTo(filled.toString());
        assertThat(pending).isEqualTo(filled);
    }

    @Test
    void readsMatchTheEagerCopy() {
        same(List.of(m -> m.size(), m -> m.isEmpty(), m -> m.get("header").get("user-agent"), m -> m.get("nope"),
                m -> m.get(3), m -> m.get("querystring"), m -> m.get("path").getClass()));
    }

    @Test
    void aMapHandedOutBeforeTheCopyKeepsItsWritesAndIdentity() {
        same(List.of(m -> m.get("path").put("added", "1"), m -> m.get("path"), m -> m.keySet(),
                m -> m.get("path").get("added"), m -> m.get("header").remove("Accept"), m -> m.values()));
        Map<String, Map<String, String>> pending = ParameterMaps.pending(parameters());
        Map<String, String> header = pending.get("header");
        assertThat(pending.get("header")).isSameAs(header);
        pending.entrySet();
        assertThat(pending.get("header")).isSameAs(header);
    }

    @Test
    void writesSeeTheWholeCopy() {
        same(List.of(m -> m.put("path", Map.of()), m -> m.size(), m -> m.remove("querystring"), m -> m.size(),
                m -> m.containsKey("header"), m -> m.getOrDefault("x", Map.of())));
    }

    @Test
    void theCopiesAreNotTheRequestsParameters() {
        RequestParameters parameters = parameters();
        Map<String, Map<String, String>> pending = ParameterMaps.pending(parameters);
        pending.get("querystring").put("q", "changed");
        assertThat(parameters.querystring).containsEntry("q", "b");
        assertThat(ParameterMaps.pending(parameters).get("querystring")).containsEntry("q", "b");
    }
}
