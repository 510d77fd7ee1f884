package dev.turnpike.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.turnpike.codegen.model.CheckedApi;
import dev.turnpike.codegen.model.OperationModel;
import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.routing.RouteNode;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * {@code <Name>Api}: the {@code GeneratedApi} the gateway finds through {@code ServiceLoader}, with the resource
 * tree and the operation list as constants built when the class loads.
 */
final class ApiClassEmitter {

    private static final TypeName OPERATION_LIST = ParameterizedTypeName.get(List.class, Operation.class);
    private static final TypeName STRING_LIST = ParameterizedTypeName.get(List.class, String.class);
    private static final Modifier[] PRIVATE_CONSTANT = {Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL};

    private ApiClassEmitter() {
    }

    static JavaFile emit(CheckedApi api, ClassName className, ClassName operationsClass, OperationConstantNames names,
            String deploymentId) {
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
        if (!api.model().binaryMediaTypes().isEmpty()) {
            type.addField(FieldSpec.builder(STRING_LIST, "BINARY_MEDIA_TYPES", PRIVATE_CONSTANT)
                            .initializer(stringList(api.model().binaryMediaTypes()))
                            .build())
                    .addMethod(getter("binaryMediaTypes", STRING_LIST, "BINARY_MEDIA_TYPES"));
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
