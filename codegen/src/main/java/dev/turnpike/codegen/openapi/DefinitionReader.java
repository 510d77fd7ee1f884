package dev.turnpike.codegen.openapi;

import dev.turnpike.codegen.check.Diagnostics;
import dev.turnpike.codegen.model.ApiModel;
import dev.turnpike.codegen.model.JsonPointer;
import dev.turnpike.codegen.model.OperationModel;
import dev.turnpike.codegen.openapi.OperationSource.ParameterDeclaration;
import dev.turnpike.codegen.openapi.SecuritySchemeReader.SchemeAuthorization;
import dev.turnpike.runtime.model.MethodValidation;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one OpenAPI 3.0/3.1 or Swagger 2 definition (swagger-parser converts Swagger 2 to OpenAPI 3, keeping the
 * {@code x-amazon-apigateway-*} extensions) into the normalized model. Every problem goes to the diagnostics;
 * nothing here throws for a bad definition.
 */
public final class DefinitionReader {

    /** The converter marks a definition it converted from Swagger 2 with this root extension. */
    private static final String SWAGGER2_MARK = "x-original-swagger-version";

    private DefinitionReader() {
    }

    /** The model, or {@code null} when the file is not a definition at all (reported). */
    public static ApiModel read(Path file, Diagnostics diagnostics) {
        OpenAPI api = parse(file, diagnostics);
        if (api == null) {
            return null;
        }
        Map<String, Object> rootExtensions = api.getExtensions() == null ? Map.of() : api.getExtensions();
        boolean swagger2 = rootExtensions.containsKey(SWAGGER2_MARK);
        KnownExtensions extensions = new KnownExtensions(diagnostics);
        extensions.visit(rootExtensions, JsonPointer.ROOT);
        if (api.getComponents() != null) {
            extensions.visit(api.getComponents().getExtensions(), JsonPointer.of("components"));
        }
        String apiKeySource = ApiKeySourceReader.read(rootExtensions.get(ApiKeySourceReader.NAME),
                JsonPointer.of(ApiKeySourceReader.NAME), diagnostics);
        Map<String, SchemeAuthorization> schemes = SecuritySchemeReader.read(api, swagger2, extensions, diagnostics);
        List<Map<String, List<String>>> rootSecurity = requirements(api.getSecurity());
        checkRootSecurity(rootSecurity, schemes, diagnostics);
        OperationReader operationReader = new OperationReader(schemes, rootSecurity, extensions, diagnostics);
        ParameterReader parameterReader = new ParameterReader(api.getComponents(), diagnostics);
        RequestBodyModels bodies = new RequestBodyModels(api.getComponents());

        List<OperationModel> operations = new ArrayList<>();
        RequestValidatorsReader validators = new RequestValidatorsReader(rootExtensions, diagnostics);
        Map<String, MethodValidation> validation = new LinkedHashMap<>();
        if (api.getPaths() != null) {
            api.getPaths().forEach((path, item) -> {
                for (OperationSource source : operations(path, item, parameterReader, bodies, extensions, diagnostics)) {
                    operations.add(operationReader.read(source));
                    MethodValidation method = validators.read(source);
                    if (method != null) {
                        validation.put(source.pointer().value(), method);
                    }
                }
            });
        }
        extensions.report();
        String title = api.getInfo() == null ? null : api.getInfo().getTitle();
        List<String> binaryMediaTypes = BinaryMediaTypesReader.read(rootExtensions.get(BinaryMediaTypesReader.NAME),
                JsonPointer.of(BinaryMediaTypesReader.NAME), diagnostics);
        String endpointType = EndpointConfigurationReader.read(rootExtensions.get(EndpointConfigurationReader.NAME),
                JsonPointer.of(EndpointConfigurationReader.NAME), diagnostics);
        if (endpointType.equals("PRIVATE") && rootExtensions.get(ResourcePolicyReader.NAME) == null) {
            diagnostics.error(JsonPointer.of(EndpointConfigurationReader.NAME), "a PRIVATE API needs a resource policy"
                    + " (" + ResourcePolicyReader.NAME + "): API Gateway does not deploy one without it");
        }
        return new ApiModel(title, apiKeySource, operations, binaryMediaTypes,
                GatewayResponsesReader.read(rootExtensions.get(GatewayResponsesReader.NAME),
                        JsonPointer.of(GatewayResponsesReader.NAME), diagnostics),
                validation, RequestValidatorsReader.models(api, validation, bodies, diagnostics),
                ResourcePolicyReader.read(rootExtensions.get(ResourcePolicyReader.NAME),
                        JsonPointer.of(ResourcePolicyReader.NAME), diagnostics),
                endpointType, DefinitionDocument.json(api, SWAGGER2_MARK));
    }

    private static OpenAPI parse(Path file, Diagnostics diagnostics) {
        if (!Files.isRegularFile(file)) {
            diagnostics.error(JsonPointer.ROOT, "cannot read the definition: no such file");
            return null;
        }
        String unsafe = DefinitionLimits.problem(file);
        if (unsafe != null) {
            diagnostics.error(JsonPointer.ROOT, "cannot read the definition safely: " + unsafe);
            return null;
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result;
        // swagger-parser finds its Swagger 2 converter with ServiceLoader on the context class loader, which a
        // Maven plugin or an embedding tool may have set to a loader that does not see it.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(DefinitionReader.class.getClassLoader());
        try {
            result = new OpenAPIParser().readLocation(file.toUri().toString(), null, options);
        } catch (RuntimeException e) {
            diagnostics.error(JsonPointer.ROOT, "cannot read the definition: " + e);
            return null;
        } finally {
            thread.setContextClassLoader(previous);
        }
        List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
        if (result.getOpenAPI() == null) {
            diagnostics.error(JsonPointer.ROOT, "not an OpenAPI 3 or Swagger 2 definition"
                    + (messages.isEmpty() ? "" : ": " + String.join("; ", messages)));
            return null;
        }
        // swagger-parser checks the OpenAPI schema strictly (a missing info.version, a response without
        // description); API Gateway imports such definitions, so these are warnings.
        for (String message : messages) {
            diagnostics.warning(JsonPointer.ROOT, "OpenAPI schema: " + message);
        }
        return result.getOpenAPI();
    }

    private static List<OperationSource> operations(String path, PathItem item, ParameterReader parameterReader,
            RequestBodyModels bodies, KnownExtensions extensions, Diagnostics diagnostics) {
        List<OperationSource> sources = new ArrayList<>();
        if (item == null) {
            return sources;
        }
        JsonPointer pathPointer = JsonPointer.of("paths", path);
        String resourcePath = resourcePath(path, pathPointer, diagnostics);
        Map<String, Object> itemExtensions = item.getExtensions() == null ? Map.of() : item.getExtensions();
        extensions.visit(itemExtensions, pathPointer);
        List<ParameterDeclaration> pathParameters =
                parameterReader.fromModel(item.getParameters(), pathPointer.append("parameters"));
        item.readOperationsMap().forEach((method, operation) -> {
            JsonPointer pointer = pathPointer.append(method.name().toLowerCase(Locale.ROOT));
            if (method == PathItem.HttpMethod.TRACE) {
                diagnostics.error(pointer, "API Gateway has no TRACE method");
                return;
            }
            sources.add(source(resourcePath, method.name(), pointer, operation, pathParameters, parameterReader,
                    bodies));
        });
        Object anyMethod = itemExtensions.get(AnyMethodReader.NAME);
        if (anyMethod != null) {
            OperationSource any = AnyMethodReader.read(anyMethod, resourcePath,
                    pathPointer.append(AnyMethodReader.NAME), pathParameters, parameterReader, diagnostics);
            if (any != null) {
                sources.add(any);
            }
        }
        return sources;
    }

    /** The path without trailing slashes, which select the same resource (and so would collide with it). */
    private static String resourcePath(String path, JsonPointer pointer, Diagnostics diagnostics) {
        if (path.length() <= 1 || !path.endsWith("/")) {
            return path;
        }
        String resourcePath = path.replaceAll("/+$", "");
        resourcePath = resourcePath.isEmpty() ? "/" : resourcePath;
        diagnostics.warning(pointer, "the trailing '/' is ignored: the resource is " + resourcePath);
        return resourcePath;
    }

    private static OperationSource source(String path, String method, JsonPointer pointer, Operation operation,
            List<ParameterDeclaration> pathParameters, ParameterReader parameterReader, RequestBodyModels bodies) {
        List<ParameterDeclaration> parameters = new ArrayList<>(pathParameters);
        parameters.addAll(parameterReader.fromModel(operation.getParameters(), pointer.append("parameters")));
        return new OperationSource(pointer, path, method, operation.getOperationId(), parameters,
                requirements(operation.getSecurity()), operation.getExtensions(),
                bodies.of(operation.getRequestBody(), method, path, operation.getOperationId()));
    }

    private static List<Map<String, List<String>>> requirements(List<SecurityRequirement> security) {
        return security == null ? null : new ArrayList<>(security);
    }

    private static void checkRootSecurity(List<Map<String, List<String>>> rootSecurity,
            Map<String, SchemeAuthorization> schemes, Diagnostics diagnostics) {
        if (rootSecurity == null) {
            return;
        }
        for (int i = 0; i < rootSecurity.size(); i++) {
            for (String name : rootSecurity.get(i).keySet()) {
                if (!schemes.containsKey(name)) {
                    diagnostics.warning(JsonPointer.of("security").append(i).append(name),
                            OperationReader.undefinedScheme(name));
                }
            }
        }
    }
}
