package dev.turnpike.runtime.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A pending {@code $context} (copied on first need) is indistinguishable from the eager copy. */
class RootContextMapTest {

    private static TemplateContext context(boolean withAuthorizer) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("requestId", "r-1");
        values.put("httpMethod", "POST");
        values.put("identity", Map.of("sourceIp", "127.0.0.1", "userAgent", "curl"));
        values.put("error", Map.of("message", "bad \"x\""));
        values.put("requestTimeEpoch", 1700000000000L);
        if (withAuthorizer) {
            values.put("authorizer", Map.of("principalId", "me"));
        }
        return TemplateContext.builder().context(values).build();
    }

    /** Runs {@code steps} on a pending and on a filled map of fresh contexts; each step's answer must match. */
    private static void same(boolean withAuthorizer, List<Function<Map<String, Object>, Object>> steps) {
        TemplateContext a = context(withAuthorizer);
        TemplateContext b = context(withAuthorizer);
        Map<String, Object> pending = ContextVariables.pendingContext(a);
        Map<String, Object> filled = ContextVariables.context(b);
        for (Function<Map<String, Object>, Object> step : steps) {
            assertThat(String.valueOf(step.apply(pending))).isEqualTo(String.valueOf(step.apply(filled)));
        }
        assertThat(new ArrayList<>(pending.keySet())).isEqualTo(new ArrayList<>(filled.keySet()));
        assertThat(pending.toString()).isEqualTo(filled.toString());
    }

    @Test
    void plainReadsAndSizeAnswerWithoutCopyingAndMatchTheCopy() {
        for (boolean withAuthorizer : new boolean[] {false, true}) {
            same(withAuthorizer, List.of(m -> m.get("requestId"), m -> m.size(), m -> m.isEmpty(),
                    m -> m.get("missing"), m -> m.get(7), m -> m.get("requestTimeEpoch"),
                    m -> m.get("authorizer").getClass(), m -> m.containsKey("authorizer")));
        }
    }

    @Test
    void overridesAreTheSharedObjectsEitherWay() {
        TemplateContext a = context(false);
        Map<String, Object> pending = ContextVariables.pendingContext(a);
        Object before = pending.get("requestOverride");
        assertThat(before).isSameAs(a.overrides().requestOverride());
        pending.keySet();
        assertThat(pending.get("requestOverride")).isSameAs(before);
        assertThat(pending.get("responseOverride")).isSameAs(a.overrides().responseOverride());
    }

    @Test
    void aNestedMapIsOneFreshCopyThatKeepsItsWrites() {
        same(false, List.of(m -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> identity = (Map<String, Object>) m.get("identity");
            return identity.put("added", "1");
        }, m -> ((Map<?, ?>) m.get("identity")).get("added"), m -> new TreeMap<>((Map<?, ?>) m.get("identity")),
                m -> new TreeMap<>((Map<?, ?>) m.get("error")), m -> m.size(), m -> m.keySet(),
                m -> new TreeMap<>((Map<?, ?>) m.get("identity")), m -> new TreeMap<>((Map<?, ?>) m.get("error"))));
        same(false, List.of(m -> ((Map<?, ?>) m.get("error")).remove("messageString"), m -> m.entrySet(),
                m -> new TreeMap<>((Map<?, ?>) m.get("error"))));
    }

    @Test
    void aNestedMapHandedOutBeforeTheCopyIsTheOneTheCopyHolds() {
        Map<String, Object> pending = ContextVariables.pendingContext(context(true));
        Object identity = pending.get("identity");
        assertThat(pending.get("identity")).isSameAs(identity);
        assertThat(pending.get("authorizer")).isNotSameAs(pending.get("identity"));
        pending.keySet();
        assertThat(pending.get("identity")).isSameAs(identity);
        assertThat(pending.values()).contains(identity);
    }

    @Test
    void writesAndViewsSeeTheWholeCopy() {
        same(false, List.of(m -> m.put("requestId", "changed"), m -> m.get("requestId"), m -> m.size(),
                m -> m.remove("httpMethod"), m -> m.size(), m -> m.containsValue("changed"),
                m -> m.values().size(), m -> m.entrySet().size(), m -> m.getOrDefault("gone", "d")));
        same(true, List.of(m -> m.keySet(), m -> m.equals(Map.of()), m -> m.hashCode() == 0));
    }
}
