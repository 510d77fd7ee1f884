package dev.turnpike.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.pipeline.Gateway;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every case of {@code ../shared/conformance/vtl/cases.json} (recorded from real API Gateway) through a served API:
 * each case gets its own API, built as the recording's setup describes, behind the real filter in Jetty over TLS,
 * called byte by byte by a raw HTTPS client, its backend a real server on loopback.
 * <ul>
 *   <li>{@code request}: an HTTP integration renders the case's template and sends it to a backend that echoes the
 *       body back; the client gets the rendered template.</li>
 *   <li>{@code response}: an HTTP integration calls a backend that answers the recorded integration response; the
 *       case's template is the response template.</li>
 *   <li>{@code echo-pipeline}: both at once. {@code mock-pipeline}: a MOCK integration with both templates.</li>
 *   <li>{@code gateway-response}: the setup's API, called as recorded; the error comes from the gateway.</li>
 * </ul>
 * Compared as the case says: {@code exact} byte for byte, {@code json} structurally; the status too where the case
 * gives one. Cases that fail for a known reason are listed in {@link #KNOWN_FAILING}; any other failure fails the
 * test.
 */
class VtlConformanceTest {

    /** Failing cases and why; each is a feature not served yet, not a rendering difference. */
    static final Map<String, String> KNOWN_FAILING = Map.of();

    static final String STAGE = "testing";

    @TempDir
    static Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void everyRecordedCasePassesThroughAServedApi() throws Exception {
        List<ConformanceCase> cases = ConformanceCase.load(Path.of(System.getProperty("turnpike.shared",
                "../../shared"), "conformance", "vtl", "cases.json"));
        TestTls tls = TestTls.create(dir);
        List<Gateway> gateways = new ArrayList<>();
        try (ConformanceBackend backend = new ConformanceBackend(cases)) {
            Map<String, Gateway> contexts = new LinkedHashMap<>();
            for (int i = 0; i < cases.size(); i++) {
                Gateway gateway = Gateway.create(new CaseApi(cases.get(i), i, backend.port()), config(cases.get(i)));
                gateways.add(gateway);
                contexts.put("/case" + i, gateway);
            }
            try (FilterInJetty jetty = FilterInJetty.serve(tls, contexts)) {
                URI base = jetty.root();
                List<String> failing = new ArrayList<>();
                for (int i = 0; i < cases.size(); i++) {
                    ConformanceCase c = cases.get(i);
                    String problem = run(c, i, base, tls);
                    if (problem != null) {
                        failing.add(c.id());
                        System.out.println("VTL conformance: FAIL " + c.id()
                                + (KNOWN_FAILING.containsKey(c.id()) ? " (known: " + KNOWN_FAILING.get(c.id()) + ")"
                                        : "") + "\n  " + problem.replace("\n", "\n  "));
                    }
                }
                System.out.println("VTL conformance (served): " + (cases.size() - failing.size()) + "/" + cases.size()
                        + " cases pass");
                KNOWN_FAILING.keySet().stream().filter(id -> !failing.contains(id)).forEach(id ->
                        System.out.println("VTL conformance: " + id + " passes now: take it off KNOWN_FAILING"));
                assertThat(failing).as("failing cases that are not known to fail")
                        .allMatch(KNOWN_FAILING::containsKey);
            }
        } finally {
            gateways.forEach(Gateway::close);
        }
    }

    /** Why the case failed, or {@code null} when it passed. */
    private static String run(ConformanceCase c, int index, URI base, TestTls tls) throws Exception {
        RawHttps.Response interim;
        try (RawHttps connection = RawHttps.open(base, tls)) {
            connection.write(c.rawRequest("/case" + index + "/" + STAGE));
            do {
                interim = connection.readResponse(); // skipping a 100 Continue, sent for Expect: 100-continue
            } while (interim.status() >= 100 && interim.status() < 200);
        }
        RawHttps.Response response = interim;
        List<String> problems = new ArrayList<>();
        if (c.expectedStatus() != null && response.status() != c.expectedStatus()) {
            problems.add("status " + response.status() + ", expected " + c.expectedStatus());
        } else if (c.expectedStatus() == null && (response.status() < 200 || response.status() > 299)) {
            problems.add("status " + response.status() + ", expected 2xx");
        }
        c.expectedHeaders().forEach((name, value) -> {
            String actual = response.headers().get(name.toLowerCase(java.util.Locale.ROOT));
            if (!value.equals(actual)) {
                problems.add("header " + name + ": " + actual + ", expected " + value);
            }
        });
        String actual = c.normalize(response.body());
        boolean same = c.compare().equals("exact") ? actual.equals(c.expected()) : jsonEquals(actual, c.expected());
        if (!same) {
            problems.add(c.compare() + " body differs\n    actual:   " + actual + "\n    expected: " + c.expected());
        }
        return problems.isEmpty() ? null : String.join("\n", problems);
    }

    static boolean jsonEquals(String actual, String expected) {
        try {
            return parse(actual).equals(parse(expected));
        } catch (JsonException e) {
            return false;
        }
    }

    private static JsonValue parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    private static TurnpikeConfig config(ConformanceCase c) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("turnpike.stages", STAGE);
        keys.put("turnpike.apiId", "a1b2c3d4e5");
        keys.put("turnpike.accountId", "111111111111");
        Map<String, String> overrides = canaryOverrides(c);
        c.stageVariables().forEach((name, value) -> {
            if (!overrides.containsKey(name)) {
                keys.put("turnpike.stage." + STAGE + ".variables." + name, value);
            }
        });
        Matcher share = CANARY_SHARE.matcher(c.setup().getString("stage", ""));
        if (share.find()) {
            keys.put("turnpike.stage." + STAGE + ".canarySettings.percentTraffic", share.group(1));
            overrides.forEach((name, value) -> keys.put(
                    "turnpike.stage." + STAGE + ".canarySettings.stageVariableOverrides." + name, value));
        }
        return TurnpikeConfig.from(keys);
    }

    /** The recorded stage set-up says it in words: "dev, canarySettings percentTraffic 100, ...". */
    private static final Pattern CANARY_SHARE = Pattern.compile("canarySettings percentTraffic (\\d+)");
    private static final Pattern CANARY_OVERRIDES = Pattern.compile("stageVariableOverrides \\{([^}]*)}");

    /**
     * The canary's stage variable overrides from the set-up ("stageVariableOverrides {testVar: canary, ...}"); the
     * case's own stageVariables are what a canary request saw, overrides included.
     */
    private static Map<String, String> canaryOverrides(ConformanceCase c) {
        Map<String, String> overrides = new LinkedHashMap<>();
        Matcher m = CANARY_OVERRIDES.matcher(c.setup().getString("stage", ""));
        if (m.find()) {
            for (String pair : m.group(1).split(",")) {
                String[] nameValue = pair.split(":", 2);
                overrides.put(nameValue[0].trim(), nameValue[1].trim());
            }
        }
        return overrides;
    }

    /**
     * The recorded {@code $context} dump has values that differ per request and per deployment (ids, times,
     * addresses); as the recording's own snapshot transformers did, those are replaced by the recording's before
     * comparing. Keys and their order are compared as they are.
     */
    static String normalizeContextDump(String actual, Map<String, String> recorded) {
        StringBuilder out = new StringBuilder();
        Matcher m = Pattern.compile("(\\\\\"(resourceId|extendedRequestId|requestTime|requestTimeEpoch|requestId"
                + "|sourceIp)\\\\\": \\\\\")([^\\\\]*)(\\\\\")").matcher(actual);
        while (m.find()) {
            String value = recorded.getOrDefault(m.group(2), m.group(3));
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + value + m.group(4)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
