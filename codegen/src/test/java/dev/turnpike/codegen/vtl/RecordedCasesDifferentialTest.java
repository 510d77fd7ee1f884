package dev.turnpike.codegen.vtl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.codegen.TemplateClassCompiler;
import dev.turnpike.runtime.template.MappingTemplate;
import dev.turnpike.runtime.template.TemplateContext;
import dev.turnpike.runtime.template.TemplateException;
import dev.turnpike.runtime.template.TemplateOverrides;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every case of {@code ../shared/conformance/vtl/cases.json} (recorded from AWS) runs twice, once with the compiled
 * classes and once on the Velocity reference engine, with the same runtime objects: output, overrides and failures
 * must be identical. The compiled run must also give the recorded AWS output.
 */
class RecordedCasesDifferentialTest {

    @TempDir
    Path folder;

    @Test
    void everyRecordedCaseRendersIdenticallyCompiledAndInterpreted() throws IOException {
        Path file = Path.of(System.getProperty("turnpike.shared", "../../shared"), "conformance", "vtl", "cases.json");
        JsonArray cases;
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(file))) {
            cases = reader.readArray();
        }
        LinkedHashSet<String> sources = new LinkedHashSet<>();
        for (JsonValue value : cases) {
            JsonObject c = value.asJsonObject();
            sources.add(c.getString("template"));
            if (c.containsKey("responseTemplate") && !c.isNull("responseTemplate")) {
                sources.add(c.getString("responseTemplate"));
            }
        }
        List<String> ordered = new ArrayList<>(sources);
        List<String> refusals = new ArrayList<>();
        List<MappingTemplate> compiled = TemplateClassCompiler.compile(ordered, folder, refusals);
        Map<String, MappingTemplate> bySource = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            bySource.put(ordered.get(i), compiled.get(i));
        }
        assertThat(refusals.stream().filter(r -> r != null).toList()).as("templates the compiler refused").isEmpty();

        List<String> differences = new ArrayList<>();
        int identical = 0;
        int matchingAws = 0;
        for (JsonValue value : cases) {
            JsonObject c = value.asJsonObject();
            String viaClass = run(c, source -> {
                MappingTemplate t = bySource.get(source);
                return t.verbatim() ? parse(source) : t;
            });
            String viaEngine = run(c, RecordedCasesDifferentialTest::parse);
            if (viaClass.equals(viaEngine)) {
                identical++;
            } else {
                differences.add(c.getString("id") + "\n  compiled:    " + viaClass + "\n  interpreted: " + viaEngine);
            }
            if (viaClass.startsWith("output: ") && matches(c, viaClass.substring("output: ".length()))) {
                matchingAws++;
            }
        }
        System.out.println("VTL differential, recorded cases: " + identical + "/" + cases.size()
                + " identical compiled and interpreted (" + ordered.size() + " distinct templates compiled); "
                + matchingAws + "/" + cases.size() + " compiled outputs match AWS");
        differences.forEach(d -> System.out.println("  DIFF " + d));
        assertThat(differences).isEmpty();
        assertThat(matchingAws).isEqualTo(cases.size());
    }

    private static MappingTemplate parse(String source) {
        try {
            return MappingTemplate.parse(source, "template");
        } catch (TemplateException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The case's phase run with templates from {@code templates}: the final output, then the overrides. */
    private static String run(JsonObject c, Function<String, MappingTemplate> templates) {
        JsonObject request = c.getJsonObject("request");
        TemplateOverrides overrides = new TemplateOverrides();
        String requestBody = request.isNull("body") ? "" : request.getString("body");
        try {
            String output = switch (c.getString("phase")) {
                case "request", "gateway-response" -> render(templates, c.getString("template"), c, requestBody,
                        overrides);
                case "response" -> render(templates, c.getString("template"), c,
                        c.getJsonObject("integrationResponse").getString("body"), overrides);
                case "echo-pipeline" -> render(templates, c.getString("responseTemplate"), c,
                        render(templates, c.getString("template"), c, requestBody, overrides), overrides);
                case "mock-pipeline" -> {
                    render(templates, c.getString("template"), c, requestBody, overrides);
                    yield c.isNull("responseTemplate") ? ""
                            : render(templates, c.getString("responseTemplate"), c, "", overrides);
                }
                default -> throw new IllegalArgumentException("unknown phase " + c.getString("phase"));
            };
            return "output: " + output + "\u0000overrides: " + overrides;
        } catch (TemplateException e) {
            return "failure " + e.status() + ": " + e.getMessage();
        }
    }

    private static boolean matches(JsonObject c, String outcome) {
        String output = outcome.substring(0, outcome.indexOf('\u0000'));
        String expected = c.getString("expected");
        if (c.getString("compare").equals("exact")) {
            return expected.equals(output);
        }
        try (JsonReader e = Json.createReader(new java.io.StringReader(expected));
                JsonReader a = Json.createReader(new java.io.StringReader(output))) {
            return e.readValue().equals(a.readValue());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String render(Function<String, MappingTemplate> templates, String source, JsonObject c, String body,
            TemplateOverrides overrides) throws TemplateException {
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
        return templates.apply(source).render(context.build());
    }

    private static Map<String, String> strings(JsonObject o) {
        Map<String, String> out = new LinkedHashMap<>();
        o.forEach((k, v) -> out.put(k, ((JsonString) v).getString()));
        return out;
    }

    private static Map<String, List<String>> lists(JsonObject o) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        o.forEach((k, v) -> out.put(k, v instanceof JsonArray a ? a.getValuesAs(JsonString::getString)
                : List.of(((JsonString) v).getString())));
        return out;
    }

    static Map<String, Object> objects(JsonObject o) {
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
            case ARRAY -> v.asJsonArray().stream().map(RecordedCasesDifferentialTest::java).toList();
        };
    }
}
