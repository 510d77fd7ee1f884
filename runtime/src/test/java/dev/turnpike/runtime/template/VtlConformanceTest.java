package dev.turnpike.runtime.template;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Renders every case of {@code ../shared/conformance/vtl/cases.json} (recorded from AWS) through
 * {@link MappingTemplate} directly and compares as the case says ({@code exact} or {@code json}), plus the status a
 * template override sets. The served, end-to-end run of the same file belongs to the integration tests.
 */
class VtlConformanceTest {

    /** Cases that do not pass yet, each with the reason; empty means every case must pass. */
    static final Set<String> KNOWN_FAILURES = Set.of();

    @Test
    void everyRecordedCaseRendersAsAws() throws IOException {
        Path file = Path.of(System.getProperty("turnpike.shared", "../../shared"), "conformance", "vtl", "cases.json");
        JsonArray cases;
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(file))) {
            cases = reader.readArray();
        }
        List<String> failures = new ArrayList<>();
        Set<String> passedButKnown = new TreeSet<>();
        int passed = 0;
        for (JsonValue value : cases) {
            JsonObject c = value.asJsonObject();
            String id = c.getString("id");
            String problem;
            try {
                problem = check(c);
            } catch (TemplateException | RuntimeException e) {
                problem = "threw " + e;
            }
            if (problem == null) {
                passed++;
                if (KNOWN_FAILURES.contains(id)) {
                    passedButKnown.add(id);
                }
            } else if (!KNOWN_FAILURES.contains(id)) {
                failures.add(id + ": " + problem);
            }
        }
        System.out.println("VTL conformance: " + passed + "/" + cases.size() + " cases pass");
        failures.forEach(f -> System.out.println("  FAIL " + f));
        assertThat(failures).as("regressions against recorded AWS behaviour").isEmpty();
        assertThat(passedButKnown).as("known failures that now pass: remove them from KNOWN_FAILURES").isEmpty();
    }

    /** Null when the case passes, else what differs. */
    static String check(JsonObject c) throws TemplateException {
        String phase = c.getString("phase");
        JsonObject request = c.getJsonObject("request");
        TemplateOverrides overrides = new TemplateOverrides();
        String requestBody = request.isNull("body") ? "" : request.getString("body");
        String output;
        switch (phase) {
            case "request", "gateway-response" -> output = render(c.getString("template"), c, requestBody, overrides);
            case "response" -> output = render(c.getString("template"), c,
                    c.getJsonObject("integrationResponse").getString("body"), overrides);
            case "echo-pipeline" -> {
                String sent = render(c.getString("template"), c, requestBody, overrides);
                output = render(c.getString("responseTemplate"), c, sent, overrides);
            }
            case "mock-pipeline" -> {
                render(c.getString("template"), c, requestBody, overrides);
                output = c.isNull("responseTemplate") ? ""
                        : render(c.getString("responseTemplate"), c, "", overrides);
            }
            default -> {
                return "unknown phase " + phase;
            }
        }
        String expected = c.getString("expected");
        String compare = c.getString("compare");
        String problem = switch (compare) {
            case "exact" -> expected.equals(output) ? null : diff(expected, output);
            case "json" -> jsonEqual(expected, output) ? null : diff(expected, output);
            default -> "unknown compare mode " + compare;
        };
        if (problem == null && c.containsKey("expectedStatus") && !phase.equals("gateway-response")) {
            OptionalInt status = overrides.responseStatus();
            int want = c.getInt("expectedStatus");
            if (status.isPresent() ? status.getAsInt() != want : want != 200) {
                problem = "status: expected " + want + " but the overrides give " + status;
            }
        }
        return problem;
    }

    private static String render(String template, JsonObject c, String body, TemplateOverrides overrides)
            throws TemplateException {
        JsonObject request = c.getJsonObject("request");
        TemplateContext.Builder context = TemplateContext.builder()
                .body(body)
                .pathParameters(strings(request.getJsonObject("pathParams")))
                .queryParameters(lists(request.getJsonObject("query")))
                .headers(lists(request.getJsonObject("headers")))
                .stageVariables(strings(c.getJsonObject("stageVariables")))
                .context(objects(c.getJsonObject("context")))
                .overrides(overrides);
        if (c.containsKey("integrationResponse")) {
            JsonObject ir = c.getJsonObject("integrationResponse");
            context.integrationResponse(ir.getInt("status"), lists(ir.getJsonObject("headers")));
        }
        return MappingTemplate.parse(template, c.getString("id")).render(context.build());
    }

    private static Map<String, String> strings(JsonObject o) {
        Map<String, String> out = new LinkedHashMap<>();
        o.forEach((k, v) -> out.put(k, ((JsonString) v).getString()));
        return out;
    }

    private static Map<String, List<String>> lists(JsonObject o) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        o.forEach((k, v) -> {
            if (v instanceof JsonArray a) {
                out.put(k, a.getValuesAs(JsonString::getString));
            } else {
                out.put(k, List.of(((JsonString) v).getString()));
            }
        });
        return out;
    }

    private static Map<String, Object> objects(JsonObject o) {
        Map<String, Object> out = new LinkedHashMap<>();
        o.forEach((k, v) -> out.put(k, java(v)));
        return out;
    }

    private static Object java(JsonValue v) {
        return switch (v.getValueType()) {
            case NULL -> null;
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case STRING -> ((JsonString) v).getString();
            case NUMBER -> ((JsonNumber) v).isIntegral()
                    ? (Object) (((JsonNumber) v).bigIntegerValue().bitLength() < 32 ? ((JsonNumber) v).intValue()
                            : ((JsonNumber) v).longValue())
                    : ((JsonNumber) v).doubleValue();
            case OBJECT -> objects(v.asJsonObject());
            case ARRAY -> v.asJsonArray().stream().map(VtlConformanceTest::java).toList();
        };
    }

    private static boolean jsonEqual(String expected, String actual) {
        try (JsonReader e = Json.createReader(new StringReader(expected));
                JsonReader a = Json.createReader(new StringReader(actual))) {
            return e.readValue().equals(a.readValue());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String diff(String expected, String actual) {
        int at = 0;
        while (at < expected.length() && at < actual.length() && expected.charAt(at) == actual.charAt(at)) {
            at++;
        }
        return "differs at character " + at + "\n    expected: " + expected.replace("\n", "\\n")
                + "\n    actual:   " + actual.replace("\n", "\\n");
    }
}
