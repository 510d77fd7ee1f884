package dev.turnpike.codegen.check;

import dev.turnpike.codegen.model.IntegrationModel;
import dev.turnpike.codegen.model.JsonPointer;
import dev.turnpike.codegen.model.OperationModel;
import dev.turnpike.runtime.model.IntegrationType;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An integration's {@code requestParameters} and the {@code {name}}s of its {@code uri}: each mapping has a target
 * API Gateway knows and a source it can evaluate, a {@code method.request.*} source names a parameter the method
 * declares (API Gateway refuses the import otherwise: "Invalid mapping expression parameter specified"), and each
 * {@code {name}} of the uri has the {@code integration.request.path.name} mapping that fills it in.
 */
final class RequestParameterCheck {

    private static final Pattern TARGET = Pattern.compile(
            "integration\\.request\\.(path|querystring|header|multivaluequerystring|multivalueheader)\\.(.+)");
    private static final Pattern METHOD_PARAMETER = Pattern.compile(
            "method\\.request\\.(path|querystring|header|multivaluequerystring|multivalueheader)\\.(.+)");
    /** Headers whose mapping makes API Gateway fail every request (recorded: SEMANTICS.md §4). */
    private static final java.util.Set<String> UNMAPPABLE_HEADERS = java.util.Set.of("content-length",
            "transfer-encoding");
    private static final Pattern URI_PARAMETER = Pattern.compile("\\{([^}]+)}");

    private RequestParameterCheck() {
    }

    static void check(OperationModel operation, Diagnostics diagnostics) {
        IntegrationModel integration = operation.integration();
        JsonPointer mappings = integration.field("requestParameters");
        integration.requestParameters().forEach((target, source) -> {
            JsonPointer pointer = mappings.append(target);
            Matcher targetMatch = TARGET.matcher(target);
            if (!targetMatch.matches()) {
                diagnostics.error(pointer, "'" + target + "' is not a request parameter target: expected"
                        + " integration.request.{path|querystring|header}.<name>");
            } else if (targetMatch.group(1).equals("header")
                    && UNMAPPABLE_HEADERS.contains(targetMatch.group(2).toLowerCase(java.util.Locale.ROOT))) {
                diagnostics.error(pointer, "the integration request header " + targetMatch.group(2)
                        + " cannot be mapped: API Gateway answers every request of the method with 500");
            }
            checkSource(source, operation, pointer, diagnostics);
        });
        if (integration.uri() != null && integration.type() != IntegrationType.MOCK) {
            checkUriParameters(operation, diagnostics);
        }
    }

    private static void checkSource(String source, OperationModel operation, JsonPointer pointer,
            Diagnostics diagnostics) {
        Matcher parameter = METHOD_PARAMETER.matcher(source);
        if (parameter.matches()) {
            String location = parameter.group(1).replace("multivalue", "");
            String declared = "method.request." + location + "." + parameter.group(2);
            if (!isDeclared(declared, location, operation.requestParameters())) {
                diagnostics.error(pointer, declared + " is not declared by " + operation.describe() + ": "
                        + (location.equals("path") ? "the path has no {" + parameter.group(2) + "}"
                                : "add a " + (location.equals("header") ? "header" : "query") + " parameter '"
                                        + parameter.group(2) + "'"));
            }
        } else if (!isOtherSource(source)) {
            diagnostics.error(pointer, "'" + source + "' is not a request parameter source: expected"
                    + " method.request.{path|querystring|header}.<name>, method.request.body, a 'static value',"
                    + " stageVariables.<name> or context.<name>");
        }
    }

    /** Header names are case-insensitive, as in HTTP; path and query string names are not. */
    private static boolean isDeclared(String name, String location, Map<String, Boolean> declared) {
        if (!location.equals("header")) {
            return declared.containsKey(name);
        }
        return declared.keySet().stream().anyMatch(d -> d.equalsIgnoreCase(name));
    }

    private static boolean isOtherSource(String source) {
        return source.equals("method.request.body") || source.startsWith("method.request.body.")
                || isStaticValueOrVariable(source);
    }

    /** A quoted static value, {@code stageVariables.x} or {@code context.x}: sources of any mapping. */
    static boolean isStaticValueOrVariable(String source) {
        return source.length() >= 2 && source.startsWith("'") && source.endsWith("'")
                || source.matches("stageVariables\\.[A-Za-z0-9_]+")
                || source.startsWith("context.") && source.length() > "context.".length();
    }

    private static void checkUriParameters(OperationModel operation, Diagnostics diagnostics) {
        IntegrationModel integration = operation.integration();
        // ${stageVariables.x} and ${AWS::Region} are not path parameters.
        Matcher names = URI_PARAMETER.matcher(integration.uri().replaceAll("\\$\\{[^}]*}", ""));
        while (names.find()) {
            String name = names.group(1);
            if (integration.requestParameters().containsKey("integration.request.path." + name)) {
                continue;
            }
            String declared = "method.request.path." + name;
            diagnostics.error(integration.field("uri"), "uri names {" + name + "}, but requestParameters does not map"
                    + " integration.request.path." + name
                    + (operation.requestParameters().containsKey(declared)
                            ? ": add \"integration.request.path." + name + "\": \"" + declared + "\"" : ""));
        }
    }
}
