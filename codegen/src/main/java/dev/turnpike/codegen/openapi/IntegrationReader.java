package dev.turnpike.codegen.openapi;

import dev.turnpike.codegen.check.Diagnostics;
import dev.turnpike.codegen.model.IntegrationModel;
import dev.turnpike.codegen.model.IntegrationResponseModel;
import dev.turnpike.codegen.model.JsonPointer;
import dev.turnpike.runtime.model.ConnectionType;
import dev.turnpike.runtime.model.IntegrationType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code x-amazon-apigateway-integration}: its fields as AWS names them, each of the right kind. Whether the
 * values make sense together (uri per type, mappings, regexes, ranges) is for {@code check}.
 */
final class IntegrationReader {

    static final String NAME = "x-amazon-apigateway-integration";

    /** The fields AWS documents for the extension; anything else is a mistake. */
    static final Set<String> FIELDS = Set.of("type", "httpMethod", "uri", "connectionType", "connectionId",
            "credentials", "timeoutInMillis", "passthroughBehavior", "contentHandling", "requestParameters",
            "requestTemplates", "cacheKeyParameters", "cacheNamespace", "responses", "tlsConfig",
            "responseTransferMode", "integrationTarget", "payloadFormatVersion", "integrationSubtype");

    static final Set<String> RESPONSE_FIELDS = Set.of("statusCode", "responseParameters", "responseTemplates",
            "contentHandling");

    private static final String TYPES = "mock, http, http_proxy, aws, aws_proxy";
    private static final Set<String> PASSTHROUGH_BEHAVIORS = Set.of("WHEN_NO_MATCH", "WHEN_NO_TEMPLATES", "NEVER");
    private static final Set<String> CONTENT_HANDLINGS = Set.of("CONVERT_TO_TEXT", "CONVERT_TO_BINARY");

    private IntegrationReader() {
    }

    /** The integration at {@code pointer}; {@code null} only when {@code value} is absent. */
    static IntegrationModel read(Object value, JsonPointer pointer, Diagnostics diagnostics) {
        if (value == null) {
            return null;
        }
        ExtensionObject integration = ExtensionObject.of(value, pointer, diagnostics);
        if (integration == null) {
            return unusable(pointer);
        }
        if (integration.has("$ref")) {
            diagnostics.error(pointer.append("$ref"), "a $ref to a reusable integration"
                    + " (x-amazon-apigateway-integrations) is an HTTP API feature; a REST API needs the integration"
                    + " written in place");
            return unusable(pointer);
        }
        integration.rejectUnknownFields(FIELDS, NAME);
        warnAboutUnservedFields(integration, diagnostics);
        List<IntegrationResponseModel> responses = new ArrayList<>();
        ExtensionObject responseMap = integration.object("responses");
        if (responseMap != null) {
            for (String pattern : responseMap.fieldNames()) {
                IntegrationResponseModel response = readResponse(responseMap, pattern, diagnostics);
                if (response != null) {
                    responses.add(response);
                }
            }
        }
        String connection = constant(integration, "connectionType", Set.of("INTERNET", "VPC_LINK"), diagnostics);
        return new IntegrationModel(
                pointer,
                integration.fieldsWithValues(),
                type(integration, diagnostics),
                upperCase(integration.string("httpMethod")),
                integration.string("uri"),
                connection == null ? null : ConnectionType.valueOf(connection),
                integration.string("connectionId"),
                integration.string("credentials"),
                integration.integer("timeoutInMillis"),
                constant(integration, "passthroughBehavior", PASSTHROUGH_BEHAVIORS, diagnostics),
                constant(integration, "contentHandling", CONTENT_HANDLINGS, diagnostics),
                integration.stringMap("requestParameters"),
                integration.stringMap("requestTemplates"),
                integration.stringList("cacheKeyParameters"),
                integration.string("cacheNamespace"),
                responses,
                insecureSkipVerification(integration, diagnostics));
    }

    /**
     * {@code tlsConfig.insecureSkipVerification}, which AWS applies to HTTP and HTTP_PROXY integrations only
     * ({@code serverNameToVerify} is an HTTP API field).
     */
    private static boolean insecureSkipVerification(ExtensionObject integration, Diagnostics diagnostics) {
        ExtensionObject tls = integration.object("tlsConfig");
        if (tls == null) {
            return false;
        }
        tls.rejectUnknownFields(Set.of("insecureSkipVerification", "serverNameToVerify"), "tlsConfig");
        if (tls.has("serverNameToVerify")) {
            diagnostics.warning(tls.pointer().append("serverNameToVerify"),
                    "serverNameToVerify is an HTTP API field, which REST APIs ignore");
        }
        boolean skip = Boolean.TRUE.equals(tls.bool("insecureSkipVerification"));
        String type = upperCase(integration.string("type"));
        if (skip && !"HTTP".equals(type) && !"HTTP_PROXY".equals(type)) {
            diagnostics.warning(tls.pointer().append("insecureSkipVerification"),
                    "insecureSkipVerification applies to http and http_proxy integrations only; ignored here");
            return false;
        }
        return skip;
    }

    private static IntegrationResponseModel readResponse(ExtensionObject responses, String pattern,
            Diagnostics diagnostics) {
        ExtensionObject response = responses.requiredObject(pattern);
        if (response == null) {
            return null;
        }
        response.rejectUnknownFields(RESPONSE_FIELDS, "an integration response");
        String statusCode = response.string("statusCode");
        if (statusCode == null && !response.has("statusCode")) {
            diagnostics.error(response.pointer(), "missing statusCode");
        }
        return new IntegrationResponseModel(
                response.pointer(),
                pattern,
                statusCode,
                response.stringMap("responseParameters"),
                response.stringMap("responseTemplates"),
                constant(response, "contentHandling", CONTENT_HANDLINGS, diagnostics));
    }

    private static IntegrationType type(ExtensionObject integration, Diagnostics diagnostics) {
        String type = integration.string("type");
        if (type == null) {
            if (!integration.has("type")) {
                diagnostics.error(integration.pointer(), "missing type: expected one of " + TYPES);
            }
            return null;
        }
        try {
            return IntegrationType.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            diagnostics.error(integration.pointer().append("type"),
                    "unknown integration type '" + type + "': expected one of " + TYPES);
            return null;
        }
    }

    /** Fields that are legitimate but change nothing yet, or belong to HTTP APIs. */
    private static void warnAboutUnservedFields(ExtensionObject integration, Diagnostics diagnostics) {
        for (String field : List.of("payloadFormatVersion", "integrationSubtype")) {
            if (integration.has(field)) {
                diagnostics.warning(integration.pointer().append(field),
                        field + " is an HTTP API field, which REST APIs ignore");
            }
        }
        if (integration.string("integrationTarget") != null) {
            diagnostics.warning(integration.pointer().append("integrationTarget"),
                    "integrationTarget (a VPC link to a load balancer listener) is not served yet");
        }
        String transferMode = constant(integration, "responseTransferMode", Set.of("BUFFERED", "STREAM"), diagnostics);
        if ("STREAM".equals(transferMode)) {
            diagnostics.warning(integration.pointer().append("responseTransferMode"),
                    "response streaming is not served yet: responses are buffered");
        }
    }

    /** A field whose value is one of a few upper-case constants, accepted in any case as AWS does. */
    private static String constant(ExtensionObject object, String field, Set<String> allowed, Diagnostics diagnostics) {
        String value = upperCase(object.string(field));
        if (value != null && !allowed.contains(value)) {
            diagnostics.error(object.pointer().append(field), "unknown " + field + " '" + object.string(field)
                    + "': expected one of " + String.join(", ", allowed.stream().sorted().toList()));
            return null;
        }
        return value;
    }

    private static String upperCase(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    /** Stands in for an integration that was reported unreadable, so no second "no integration" error follows. */
    private static IntegrationModel unusable(JsonPointer pointer) {
        return new IntegrationModel(pointer, List.of(), null, null, null, null, null, null, null, null, null,
                Map.of(), Map.of(), List.of(), null, List.of(), false);
    }
}
