package dev.turnpike.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.turnpike.codegen.model.CheckedApi;
import dev.turnpike.codegen.model.IntegrationModel;
import dev.turnpike.codegen.model.IntegrationResponseModel;
import dev.turnpike.codegen.model.OperationModel;
import dev.turnpike.runtime.model.Authorizer;
import dev.turnpike.runtime.model.ConnectionType;
import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.model.IntegrationResponse;
import dev.turnpike.runtime.model.IntegrationType;
import dev.turnpike.runtime.model.Operation;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * {@code <Name>Operations}: one {@code public static final Operation} per method, built with the runtime's
 * builders. Calls that would only repeat a default are left out, so each constant reads like the definition.
 */
final class OperationsClassEmitter {

    private static final String PASSTHROUGH_DEFAULT = "WHEN_NO_MATCH";

    private OperationsClassEmitter() {
    }

    static JavaFile emit(CheckedApi api, ClassName className, OperationConstantNames names) {
        TypeSpec.Builder type = TypeSpec.classBuilder(className)
                .addJavadoc("The methods of $L, one constant each.\n", SourceComments.safe(api.sourceFileName()))
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        Map<String, String> authorizerFields = new LinkedHashMap<>();
        for (OperationModel operation : api.model().operations()) {
            Authorizer authorizer = operation.authorizer();
            if (authorizer != null && !authorizerFields.containsKey(authorizer.name())) {
                String field = uniqueField("AUTHORIZER_" + OperationConstantNames.upperSnake(authorizer.name()),
                        authorizerFields.values());
                authorizerFields.put(authorizer.name(), field);
                type.addField(FieldSpec.builder(Authorizer.class, field)
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The authorizer of security scheme $S, shared by the methods that name it.\n",
                                SourceComments.safe(authorizer.name()))
                        .initializer(authorizer(authorizer))
                        .build());
            }
        }
        for (OperationModel operation : api.model().operations()) {
            type.addField(FieldSpec.builder(Operation.class, names.of(operation))
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("$L, from $L.\n", SourceComments.safe(operation.describe()),
                            SourceComments.safe(operation.pointer().toString()))
                    .initializer(operation(operation, authorizerFields))
                    .build());
        }
        return JavaFile.builder(className.packageName(), type.build())
                .addFileComment("$L", SourceComments.fileComment(api.sourceFileName(), "#/paths"))
                .indent("    ")
                .skipJavaLangImports(true)
                .build();
    }

    private static String uniqueField(String wanted, java.util.Collection<String> taken) {
        String name = wanted;
        for (int i = 2; taken.contains(name); i++) {
            name = wanted + "_" + i;
        }
        return name;
    }

    private static CodeBlock authorizer(Authorizer authorizer) {
        CodeBlock.Builder code = CodeBlock.builder();
        if (authorizer.isLambda()) {
            code.add("$T.lambda($S, $S, $S)$>$>", Authorizer.class, authorizer.name(), authorizer.type(),
                    authorizer.authorizerUri());
        } else {
            code.add("$T.cognito($S", Authorizer.class, authorizer.name());
            authorizer.providerArns().forEach(arn -> code.add(", $S", arn));
            code.add(")$>$>");
        }
        Authorizer defaults = authorizer.isLambda()
                ? Authorizer.lambda("", authorizer.type(), "").build() : Authorizer.cognito("").build();
        if (!authorizer.identitySource().equals(defaults.identitySource())) {
            code.add("\n.identitySource($S)", authorizer.identitySource());
        }
        optional(code, "identityValidationExpression", authorizer.identityValidationExpression());
        if (authorizer.resultTtlInSeconds() != Authorizer.DEFAULT_TTL_SECONDS) {
            code.add("\n.resultTtlInSeconds($L)", authorizer.resultTtlInSeconds());
        }
        return code.add("\n.build()$<$<").build();
    }

    private static CodeBlock operation(OperationModel operation, Map<String, String> authorizerFields) {
        CodeBlock.Builder code = CodeBlock.builder()
                .add("$T.on($S, $S)$>$>", Operation.class, operation.httpMethod(), operation.resourcePath());
        if (operation.operationId() != null) {
            code.add("\n.operationId($S)", operation.operationId());
        }
        operation.requestParameters().forEach((name, required) ->
                code.add("\n.requestParameter($S, $L)", name, required));
        if (operation.apiKeyRequired()) {
            code.add("\n.apiKeyRequired(true)");
        }
        if (operation.authorizer() != null) {
            code.add("\n.authorizer($L)", authorizerFields.get(operation.authorizer().name()));
            operation.authorizationScopes().forEach(scope -> code.add("\n.authorizationScope($S)", scope));
        } else if (!operation.authorizationType().equals("NONE")) {
            code.add("\n.authorizationType($S)", operation.authorizationType());
        }
        return code.add("\n.integration($L)", integration(operation.integration())).add("\n.build()$<$<").build();
    }

    private static CodeBlock integration(IntegrationModel integration) {
        CodeBlock.Builder code = CodeBlock.builder()
                .add("$T.of($T.$L)$>$>", Integration.class, IntegrationType.class, integration.type().name());
        optional(code, "httpMethod", integration.httpMethod());
        optional(code, "uri", integration.uri());
        if (integration.connectionType() == ConnectionType.VPC_LINK) {
            code.add("\n.connection($T.$L, $S)", ConnectionType.class, ConnectionType.VPC_LINK.name(),
                    integration.connectionId());
        }
        optional(code, "credentials", integration.credentials());
        Integer timeout = integration.timeoutInMillis();
        if (timeout != null && timeout != Integration.DEFAULT_TIMEOUT_MILLIS) {
            code.add("\n.timeoutInMillis($L)", timeout);
        }
        String passthrough = integration.passthroughBehavior();
        if (passthrough != null && !passthrough.equals(PASSTHROUGH_DEFAULT)) {
            code.add("\n.passthroughBehavior($S)", passthrough);
        }
        optional(code, "contentHandling", integration.contentHandling());
        if (integration.insecureSkipVerification()) {
            code.add("\n.insecureSkipVerification(true)");
        }
        pairs(code, "requestParameter", integration.requestParameters());
        pairs(code, "requestTemplate", integration.requestTemplates());
        integration.cacheKeyParameters().forEach(parameter -> code.add("\n.cacheKeyParameter($S)", parameter));
        for (IntegrationResponseModel response : integration.responses()) {
            code.add("\n.response($L)", response(response));
        }
        return code.add("\n.build()$<$<").build();
    }

    private static CodeBlock response(IntegrationResponseModel response) {
        CodeBlock.Builder code = CodeBlock.builder().add("$T.selecting($S, $S)", IntegrationResponse.class,
                response.selectionPattern(), response.statusCode());
        boolean plain = response.responseParameters().isEmpty() && response.responseTemplates().isEmpty()
                && response.contentHandling() == null;
        if (plain) {
            return code.add(".build()").build();
        }
        code.add("$>$>");
        pairs(code, "responseParameter", response.responseParameters());
        pairs(code, "responseTemplate", response.responseTemplates());
        optional(code, "contentHandling", response.contentHandling());
        return code.add("\n.build()$<$<").build();
    }

    private static void optional(CodeBlock.Builder code, String method, String value) {
        if (value != null) {
            code.add("\n.$L($S)", method, value);
        }
    }

    private static void pairs(CodeBlock.Builder code, String method, Map<String, String> values) {
        values.forEach((key, value) -> code.add("\n.$L($S, $S)", method, key, value));
    }
}
