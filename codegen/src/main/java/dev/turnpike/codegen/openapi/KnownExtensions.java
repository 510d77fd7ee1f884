package dev.turnpike.codegen.openapi;

import dev.turnpike.codegen.check.Diagnostics;
import dev.turnpike.codegen.model.JsonPointer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every {@code x-amazon-apigateway-*} name API Gateway defines, and what this version does with the ones it does
 * not read yet. A definition may carry them all; the ones that change behaviour get a warning (once per name,
 * counting the places) so nobody expects them to work yet. An unknown name is a warning: AWS ignores it, but it
 * is often a typo.
 */
final class KnownExtensions {

    static final String PREFIX = "x-amazon-apigateway-";

    /** Read by a reader of this package. */
    private static final java.util.Set<String> READ = java.util.Set.of(
            "x-amazon-apigateway-any-method",
            "x-amazon-apigateway-api-key-source",
            "x-amazon-apigateway-auth",
            "x-amazon-apigateway-authorizer",
            "x-amazon-apigateway-authtype",
            "x-amazon-apigateway-binary-media-types",
            "x-amazon-apigateway-endpoint-configuration",
            "x-amazon-apigateway-gateway-responses",
            "x-amazon-apigateway-integration",
            "x-amazon-apigateway-policy",
            "x-amazon-apigateway-request-validator",
            "x-amazon-apigateway-request-validators");

    /** Accepted and ignored for now: name to the warning, or {@code null} when ignoring it changes nothing. */
    private static final Map<String, String> IGNORED = ignored();

    private static Map<String, String> ignored() {
        Map<String, String> ignored = new LinkedHashMap<>();
        ignored.put("x-amazon-apigateway-documentation", null);
        ignored.put("x-amazon-apigateway-importexport-version", null);
        ignored.put("x-amazon-apigateway-minimum-compression-size", "response compression is not applied yet");
        ignored.put("x-amazon-apigateway-tag-value", null);
        ignored.put("x-amazon-apigateway-cors", "an HTTP API extension, which REST APIs ignore");
        ignored.put("x-amazon-apigateway-integrations", "an HTTP API extension, which REST APIs ignore");
        return ignored;
    }

    private final Diagnostics diagnostics;
    private final Map<String, JsonPointer> firstPlace = new LinkedHashMap<>();
    private final Map<String, Integer> places = new LinkedHashMap<>();

    KnownExtensions(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** Looks at the extensions of the object at {@code at}; the ones readers handle are left to them. */
    void visit(Map<String, Object> extensions, JsonPointer at) {
        if (extensions == null) {
            return;
        }
        for (String name : extensions.keySet()) {
            if (!name.startsWith(PREFIX) || READ.contains(name)) {
                continue;
            }
            if (!IGNORED.containsKey(name)) {
                diagnostics.warning(at.append(name), "unknown extension " + name + " is ignored");
            } else if (IGNORED.get(name) != null) {
                firstPlace.putIfAbsent(name, at.append(name));
                places.merge(name, 1, Integer::sum);
            }
        }
    }

    /** One warning per ignored extension that matters, at its first place. */
    void report() {
        firstPlace.forEach((name, pointer) -> {
            int more = places.get(name) - 1;
            diagnostics.warning(pointer, name + " is ignored: " + IGNORED.get(name)
                    + (more > 0 ? " (and " + more + " more place" + (more > 1 ? "s" : "") + ")" : ""));
        });
    }
}
