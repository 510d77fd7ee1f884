package dev.turnpike.codegen.openapi;

import dev.turnpike.codegen.check.Diagnostics;
import dev.turnpike.codegen.model.JsonPointer;
import dev.turnpike.runtime.model.GatewayResponseSpec;
import dev.turnpike.runtime.response.GatewayResponseType;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code x-amazon-apigateway-gateway-responses}: response type to {@code statusCode}, {@code responseParameters}
 * ({@code gatewayresponse.header.X} from a {@code 'literal'}, {@code method.request.*}, {@code context.*} or
 * {@code stageVariables.*}) and {@code responseTemplates}.
 */
final class GatewayResponsesReader {

    static final String NAME = "x-amazon-apigateway-gateway-responses";

    private static final List<String> FIELDS = List.of("statusCode", "responseParameters", "responseTemplates");
    private static final Set<String> SOURCES = Set.of("method.request.header.", "method.request.querystring.",
            "method.request.path.", "context.", "stageVariables.");

    private GatewayResponsesReader() {
    }

    /** The customised responses; empty when the definition has none. */
    static Map<GatewayResponseType, GatewayResponseSpec> read(Object value, JsonPointer pointer,
            Diagnostics diagnostics) {
        Map<GatewayResponseType, GatewayResponseSpec> responses = new EnumMap<>(GatewayResponseType.class);
        if (value == null) {
            return responses;
        }
        ExtensionObject root = ExtensionObject.of(value, pointer, diagnostics);
        if (root == null) {
            return responses;
        }
        for (String name : root.fieldNames()) {
            JsonPointer at = pointer.append(name);
            GatewayResponseType type = type(name);
            if (type == null) {
                diagnostics.error(at, "unknown gateway response type '" + name + "'");
                continue;
            }
            ExtensionObject response = root.requiredObject(name);
            if (response == null) {
                continue;
            }
            response.rejectUnknownFields(FIELDS, "a gateway response");
            String status = response.string("statusCode");
            if (status != null && !status.matches("[1-5]\\d\\d")) {
                diagnostics.error(at.append("statusCode"), "expected an HTTP status code, found '" + status + "'");
                status = null;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            response.stringMap("responseParameters").forEach((target, source) -> {
                JsonPointer parameter = at.append("responseParameters").append(target);
                if (!target.startsWith("gatewayresponse.")) {
                    diagnostics.error(parameter, "expected gatewayresponse.header.<name>, found '" + target + "'");
                } else if (!target.startsWith("gatewayresponse.header.")) {
                    // API Gateway accepts gatewayresponse.path/querystring targets but a response has neither.
                    diagnostics.warning(parameter, target + " is ignored: only gatewayresponse.header.* reach the client");
                } else if (!isSource(source)) {
                    diagnostics.error(parameter, "expected a 'literal', method.request.*, context.* or stageVariables.*"
                            + " source, found '" + source + "'");
                } else {
                    parameters.put(target, source);
                }
            });
            Map<String, String> templates = response.stringMap("responseTemplates");
            responses.put(type, new GatewayResponseSpec(status, parameters, templates, at.value()));
        }
        return responses;
    }

    private static GatewayResponseType type(String name) {
        if (name.equals(GatewayResponseType.FORBIDDEN.name())) {
            return null;
        }
        try {
            return GatewayResponseType.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isSource(String source) {
        if (source.length() >= 2 && source.startsWith("'") && source.endsWith("'")) {
            return true;
        }
        for (String prefix : SOURCES) {
            if (source.startsWith(prefix) && source.length() > prefix.length()) {
                return true;
            }
        }
        return false;
    }
}
