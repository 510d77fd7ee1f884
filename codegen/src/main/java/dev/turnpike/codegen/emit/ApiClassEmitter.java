package dev.turnpike.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.turnpike.runtime.template.CompiledTemplates;
import dev.turnpike.codegen.model.CheckedApi;
import dev.turnpike.codegen.model.OperationModel;
import dev.turnpike.runtime.model.GatewayResponseSpec;
import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.model.MethodValidation;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.response.GatewayResponseType;
import dev.turnpike.runtime.routing.RouteNode;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * {@code <Name>Api}: the {@code GeneratedApi} the gateway finds through {@code ServiceLoader}, with the resource
 * tree and the operation list as constants built when the class loads.
 */
final class ApiClassEmitter {

    private static final TypeName OPERATION_LIST = ParameterizedTypeName.get(List.class, Operation.class);
    private static final TypeName STRING_LIST = ParameterizedTypeName.get(List.class, String.class);
    private static final TypeName GATEWAY_RESPONSE_MAP =
            ParameterizedTypeName.get(Map.class, GatewayResponseType.class, GatewayResponseSpec.class);
    private static final TypeName VALIDATION_MAP =
            ParameterizedTypeName.get(Map.class, Operation.class, MethodValidation.class);
    private static final TypeName STRING_MAP = ParameterizedTypeName.get(Map.class, String.class, String.class);
    private static final Modifier[] PRIVATE_CONSTANT = {Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL};

    private ApiClassEmitter() {
    }

    static JavaFile emit(CheckedApi api, ClassName className, ClassName operationsClass, OperationConstantNames names,
            String deploymentId) {
        return emit(api, className, operationsClass, names, deploymentId, List.of());
    }

    /** @param templates the API's compiled template classes, registered when this class loads */
    static JavaFile emit(CheckedApi api, ClassName className, ClassName operationsClass, OperationConstantNames names,
            String deploymentId, List<ClassName> templates) {
        String title = api.model().title() != null ? api.model().title() : api.name().identifier();
        TypeSpec.Builder type = TypeSpec.classBuilder(className)
                .addJavadoc("The API of $L, as one deployment.\n", SourceComments.safe(api.sourceFileName()))
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(GeneratedApi.class)
                .addField(constant("NAME", api.name().identifier()))
                .addField(constant("TITLE", title))
                .addField(constant("DEPLOYMENT_ID", deploymentId))
                .addField(constant("SOURCE", api.sourceFileName()))
                .addField(FieldSpec.builder(RouteNode.class, "ROUTES", PRIVATE_CONSTANT)
                        .initializer(new RouteTreeEmitter(operationsClass, names).tree(api.routes()))
                        .build())
                .addField(FieldSpec.builder(OPERATION_LIST, "OPERATIONS", PRIVATE_CONSTANT)
                        .initializer(operationList(api.model().operations(), operationsClass, names))
                        .build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addJavadoc("For {@link java.util.ServiceLoader}.\n")
                        .addModifiers(Modifier.PUBLIC)
                        .build())
                .addMethod(getter("name", String.class, "NAME"))
                .addMethod(getter("title", String.class, "TITLE"))
                .addMethod(getter("deploymentId", String.class, "DEPLOYMENT_ID"))
                .addMethod(getter("source", String.class, "SOURCE"))
                .addMethod(getter("routes", RouteNode.class, "ROUTES"))
                .addMethod(getter("operations", OPERATION_LIST, "OPERATIONS"));
        if (!templates.isEmpty()) {
            // Before the gateway prepares this API's templates it loads this class: the compiled classes are there.
            CodeBlock.Builder register = CodeBlock.builder().add("$T.register(", CompiledTemplates.class);
            for (int i = 0; i < templates.size(); i++) {
                register.add(i == 0 ? "\n$>$>new $T()" : ",\nnew $T()", templates.get(i));
            }
            type.addStaticBlock(register.add(");\n$<$<").build());
        }
        if (!api.model().binaryMediaTypes().isEmpty()) {
            type.addField(FieldSpec.builder(STRING_LIST, "BINARY_MEDIA_TYPES", PRIVATE_CONSTANT)
                            .initializer(stringList(api.model().binaryMediaTypes()))
                            .build())
                    .addMethod(getter("binaryMediaTypes", STRING_LIST, "BINARY_MEDIA_TYPES"));
        }
        if (!api.model().gatewayResponses().isEmpty()) {
            type.addField(FieldSpec.builder(GATEWAY_RESPONSE_MAP, "GATEWAY_RESPONSES", PRIVATE_CONSTANT)
                            .initializer(gatewayResponses(api.model().gatewayResponses()))
                            .build())
                    .addMethod(getter("gatewayResponses", GATEWAY_RESPONSE_MAP, "GATEWAY_RESPONSES"));
        }
        if (!api.model().requestValidation().isEmpty()) {
            type.addField(FieldSpec.builder(VALIDATION_MAP, "REQUEST_VALIDATION", PRIVATE_CONSTANT)
                            .initializer(requestValidation(api, operationsClass, names))
                            .build())
                    .addMethod(getter("requestValidation", VALIDATION_MAP, "REQUEST_VALIDATION"));
        }
        if (!api.model().apiKeySource().equals("HEADER")) {
            type.addMethod(MethodSpec.methodBuilder("apiKeySource")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(String.class)
                    .addStatement("return $S", api.model().apiKeySource())
                    .build());
        }
        if (api.model().resourcePolicy() != null) {
            type.addMethod(MethodSpec.methodBuilder("resourcePolicy")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(String.class)
                    .addStatement("return $S", api.model().resourcePolicy())
                    .build());
        }
        if (!api.model().endpointType().equals("EDGE")) {
            type.addMethod(MethodSpec.methodBuilder("endpointType")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(String.class)
                    .addStatement("return $S", api.model().endpointType())
                    .build());
        }
        if (!api.model().models().isEmpty()) {
            type.addField(FieldSpec.builder(STRING_MAP, "MODELS", PRIVATE_CONSTANT)
                            .initializer(stringMap(api.model().models()))
                            .build())
                    .addMethod(getter("models", STRING_MAP, "MODELS"));
        }
        return JavaFile.builder(className.packageName(), type.build())
                .addFileComment("$L", SourceComments.fileComment(api.sourceFileName(), "#"))
                .indent("    ")
                .skipJavaLangImports(true)
                .build();
    }

    private static FieldSpec constant(String name, String value) {
        return FieldSpec.builder(String.class, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .initializer("$S", value)
                .build();
    }

    private static CodeBlock operationList(List<OperationModel> operations, ClassName operationsClass,
            OperationConstantNames names) {
        if (operations.isEmpty()) {
            return CodeBlock.of("$T.of()", List.class);
        }
        CodeBlock.Builder code = CodeBlock.builder().add("$T.of($>$>", List.class);
        for (int i = 0; i < operations.size(); i++) {
            code.add("\n$T.$N$L", operationsClass, names.of(operations.get(i)), i < operations.size() - 1 ? "," : "");
        }
        return code.add(")$<$<").build();
    }

    private static CodeBlock gatewayResponses(Map<GatewayResponseType, GatewayResponseSpec> responses) {
        CodeBlock.Builder code = CodeBlock.builder().add("$T.ofEntries($>$>", Map.class);
        int i = 0;
        for (Map.Entry<GatewayResponseType, GatewayResponseSpec> response : responses.entrySet()) {
            GatewayResponseSpec spec = response.getValue();
            code.add("\n$T.entry($T.$L, new $T($S,$>$>\n$L,\n$L,\n$S))$<$<$L", Map.class,
                    GatewayResponseType.class, response.getKey().name(), GatewayResponseSpec.class, spec.statusCode(),
                    pairs(spec.responseParameters()), pairs(spec.responseTemplates()), spec.pointer(),
                    ++i < responses.size() ? "," : "");
        }
        return code.add(")$<$<").build();
    }

    private static CodeBlock requestValidation(CheckedApi api, ClassName operationsClass,
            OperationConstantNames names) {
        CodeBlock.Builder code = CodeBlock.builder().add("$T.ofEntries($>$>", Map.class);
        boolean first = true;
        for (OperationModel operation : api.model().operations()) {
            MethodValidation validation = api.model().requestValidation().get(operation.pointer().value());
            if (validation == null) {
                continue;
            }
            code.add(first ? "" : ",");
            code.add("\n$T.entry($T.$N, new $T($S, $L, $L, $L))", Map.class, operationsClass, names.of(operation),
                    MethodValidation.class, validation.validator(), validation.validateRequestParameters(),
                    validation.validateRequestBody(), stringMap(validation.requestModels()));
            first = false;
        }
        return code.add(")$<$<").build();
    }

    private static CodeBlock stringMap(Map<String, String> values) {
        if (values.isEmpty()) {
            return CodeBlock.of("$T.of()", Map.class);
        }
        CodeBlock.Builder code = CodeBlock.builder().add("$T.ofEntries(", Map.class);
        boolean first = true;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            code.add(first ? "$T.entry($S, $S)" : ", $T.entry($S, $S)", Map.class, entry.getKey(), entry.getValue());
            first = false;
        }
        return code.add(")").build();
    }

    private static CodeBlock pairs(Map<String, String> values) {
        CodeBlock.Builder code = CodeBlock.builder().add("$T.pairs(", GatewayResponseSpec.class);
        boolean first = true;
        for (Map.Entry<String, String> pair : values.entrySet()) {
            code.add(first ? "$S, $S" : ", $S, $S", pair.getKey(), pair.getValue());
            first = false;
        }
        return code.add(")").build();
    }

    private static CodeBlock stringList(List<String> values) {
        CodeBlock.Builder code = CodeBlock.builder().add("$T.of(", List.class);
        for (int i = 0; i < values.size(); i++) {
            code.add(i == 0 ? "$S" : ", $S", values.get(i));
        }
        return code.add(")").build();
    }

    private static MethodSpec getter(String name, java.lang.reflect.Type type, String field) {
        return getter(name, TypeName.get(type), field);
    }

    private static MethodSpec getter(String name, TypeName type, String field) {
        return MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(type)
                .addStatement("return $N", field)
                .build();
    }
}
