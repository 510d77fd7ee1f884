package dev.turnpike.codegen.openapi;

import dev.turnpike.codegen.check.Diagnostics;
import dev.turnpike.codegen.model.JsonPointer;
import java.util.List;
import java.util.Locale;

/**
 * {@code x-amazon-apigateway-endpoint-configuration}: the API's endpoint type. Only {@code PRIVATE} changes what the
 * gateway does (requests must arrive through a VPC endpoint); {@code vpcEndpointIds} and
 * {@code disableExecuteApiEndpoint} concern DNS, which a container does not have.
 */
final class EndpointConfigurationReader {

    static final String NAME = "x-amazon-apigateway-endpoint-configuration";

    private static final List<String> FIELDS = List.of("types", "vpcEndpointIds", "disableExecuteApiEndpoint",
            "ipAddressType");
    private static final List<String> TYPES = List.of("EDGE", "REGIONAL", "PRIVATE");

    private EndpointConfigurationReader() {
    }

    /** {@code EDGE}, {@code REGIONAL} or {@code PRIVATE}; {@code EDGE} (API Gateway's default) when absent. */
    static String read(Object value, JsonPointer pointer, Diagnostics diagnostics) {
        if (value == null) {
            return "EDGE";
        }
        ExtensionObject configuration = ExtensionObject.of(value, pointer, diagnostics);
        if (configuration == null) {
            return "EDGE";
        }
        configuration.rejectUnknownFields(FIELDS, NAME);
        List<String> types = configuration.stringList("types");
        if (types.size() > 1) {
            diagnostics.error(pointer.append("types"), "an API has one endpoint type, found " + types);
            return "EDGE";
        }
        if (types.isEmpty()) {
            return "EDGE";
        }
        String type = types.get(0).toUpperCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            diagnostics.error(pointer.append("types").append(0), "unknown endpoint type '" + types.get(0)
                    + "': expected EDGE, REGIONAL or PRIVATE");
            return "EDGE";
        }
        return type;
    }
}
