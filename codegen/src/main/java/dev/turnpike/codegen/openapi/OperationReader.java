package dev.turnpike.codegen.openapi;

import dev.turnpike.codegen.check.Diagnostics;
import dev.turnpike.codegen.model.OperationModel;
import dev.turnpike.codegen.model.PathTemplate;
import dev.turnpike.codegen.openapi.OperationSource.ParameterDeclaration;
import dev.turnpike.codegen.openapi.SecuritySchemeReader.SchemeAuthorization;
import dev.turnpike.runtime.model.Authorizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns one operation into the method API Gateway would create: parameters, authorization, integration. */
final class OperationReader {

    private final Map<String, SchemeAuthorization> schemes;
    private final List<Map<String, List<String>>> rootSecurity;
    private final KnownExtensions extensions;
    private final Diagnostics diagnostics;

    OperationReader(Map<String, SchemeAuthorization> schemes, List<Map<String, List<String>>> rootSecurity,
            KnownExtensions extensions, Diagnostics diagnostics) {
        this.schemes = schemes;
        this.rootSecurity = rootSecurity;
        this.extensions = extensions;
        this.diagnostics = diagnostics;
    }

    OperationModel read(OperationSource source) {
        extensions.visit(source.extensions(), source.pointer());
        Authorization authorization = authorization(source);
        return new OperationModel(
                source.pointer(),
                source.resourcePath(),
                source.httpMethod(),
                source.operationId(),
                requestParameters(source),
                authorization.type(),
                authorization.apiKey(),
                authorization.authorizer(),
                authorization.scopes(),
                IntegrationReader.read(source.extensions().get(IntegrationReader.NAME),
                        source.pointer().append(IntegrationReader.NAME), diagnostics));
    }

    /**
     * {@code method.request.*} names. API Gateway wants path parameters declared, but many real definitions leave
     * them to the path template, and they are unambiguous there: the template declares them.
     */
    private Map<String, Boolean> requestParameters(OperationSource source) {
        Map<String, Boolean> parameters = new LinkedHashMap<>();
        List<String> templateNames = PathTemplate.parameterNames(source.resourcePath());
        for (String name : templateNames) {
            parameters.put("method.request.path." + name, true);
        }
        for (ParameterDeclaration declared : source.parameters()) {
            switch (declared.in()) {
                case "path" -> {
                    if (!templateNames.contains(declared.name())) {
                        diagnostics.warning(declared.pointer(), "path parameter '" + declared.name()
                                + "' is not in the path " + source.resourcePath() + " and is ignored");
                    }
                }
                case "query" -> parameters.put("method.request.querystring." + declared.name(), declared.required());
                case "header" -> parameters.put("method.request.header." + declared.name(), declared.required());
                default -> {
                    // Cookie parameters have no method.request.* name in API Gateway.
                }
            }
        }
        return parameters;
    }

    private record Authorization(String type, boolean apiKey, Authorizer authorizer, List<String> scopes) {
    }

    /**
     * API Gateway gives a method one authorization type and an API-key flag. It takes every scheme named in
     * {@code security}, across alternatives too (a definition that lists an authorizer and the API key as two
     * alternatives gets both), so this does the same.
     */
    private Authorization authorization(OperationSource source) {
        boolean own = source.security() != null;
        List<Map<String, List<String>>> security = own ? source.security() : rootSecurity;
        String type = "NONE";
        boolean apiKey = false;
        Authorizer authorizer = null;
        List<String> scopes = List.of();
        if (security != null) {
            for (int i = 0; i < security.size(); i++) {
                for (String name : security.get(i).keySet()) {
                    SchemeAuthorization scheme = schemes.get(name);
                    if (scheme == null) {
                        // An inherited requirement was reported once, at the root.
                        if (own) {
                            diagnostics.warning(source.pointer().append("security").append(i).append(name),
                                    undefinedScheme(name));
                        }
                    } else if (scheme.apiKey()) {
                        apiKey = true;
                    } else if (scheme.authorizationType() != null && type.equals("NONE")) {
                        type = scheme.authorizationType();
                        authorizer = scheme.authorizer();
                        // The requirement's list is the method's authorizationScopes; only Cognito uses them.
                        scopes = type.equals("COGNITO_USER_POOLS") ? security.get(i).get(name) : List.of();
                    }
                }
            }
        }
        String legacy = LegacyAuthReader.authorizationType(source.extensions().get(LegacyAuthReader.NAME),
                source.pointer().append(LegacyAuthReader.NAME), diagnostics);
        if (legacy != null) {
            return new Authorization(legacy, apiKey, null, List.of());
        }
        return new Authorization(type, apiKey, authorizer, scopes == null ? List.of() : scopes);
    }

    static String undefinedScheme(String name) {
        return "security names '" + name + "', which is not a security scheme of the definition: API Gateway"
                + " ignores it";
    }
}
