package dev.turnpike.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.runtime.model.Authorizer;
import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.model.Operation;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * {@code x-amazon-apigateway-authorizer} reaches the generated methods whole: type, function, identity sources,
 * validation expression, TTL, user pools and scopes; a bad authorizer fails the build where it is.
 */
class AuthorizersTest extends CheckTestSupport {

    private static final String FUNCTION = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
            + "arn:aws:lambda:us-east-1:123456789012:function:auth/invocations";

    @Test
    void lambdaAndCognitoAuthorizersAreGeneratedPerMethod() {
        GeneratedApi api = generate("""
                openapi: 3.0.1
                info: {title: t, version: '1'}
                x-amazon-apigateway-api-key-source: AUTHORIZER
                components:
                  securitySchemes:
                    tokenAuth:
                      type: apiKey
                      name: X-Token
                      in: header
                      x-amazon-apigateway-authtype: custom
                      x-amazon-apigateway-authorizer:
                        type: token
                        authorizerUri: %s
                        identityValidationExpression: '^Bearer [a-z]+$'
                        authorizerResultTtlInSeconds: 0
                    requestAuth:
                      type: apiKey
                      name: unused
                      in: header
                      x-amazon-apigateway-authorizer:
                        type: request
                        authorizerUri: %s
                        identitySource: method.request.header.a, method.request.querystring.b, stageVariables.c
                    pool:
                      type: apiKey
                      name: Authorization
                      in: header
                      x-amazon-apigateway-authorizer:
                        type: cognito_user_pools
                        providerARNs: [arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc]
                paths:
                  /token:
                    get:
                      security: [{tokenAuth: []}]
                      x-amazon-apigateway-integration: {type: mock}
                  /request:
                    get:
                      security: [{requestAuth: []}]
                      x-amazon-apigateway-integration: {type: mock}
                  /cognito:
                    get:
                      security: [{pool: [orders/read, orders/write]}]
                      x-amazon-apigateway-integration: {type: mock}
                  /open:
                    get:
                      x-amazon-apigateway-integration: {type: mock}
                """.formatted(FUNCTION, FUNCTION));
        List<Operation> operations = api.operations();
        assertThat(api.apiKeySource()).isEqualTo("AUTHORIZER");

        Operation token = operations.get(0);
        assertThat(token.authorizationType()).isEqualTo("CUSTOM");
        assertThat(token.authorizer()).isEqualTo(new Authorizer("tokenAuth", "TOKEN", FUNCTION,
                "method.request.header.X-Token", "^Bearer [a-z]+$", 0, List.of()));

        Operation request = operations.get(1);
        assertThat(request.authorizer()).isEqualTo(new Authorizer("requestAuth", "REQUEST", FUNCTION,
                "method.request.header.a, method.request.querystring.b, stageVariables.c", null, 300, List.of()));

        Operation cognito = operations.get(2);
        assertThat(cognito.authorizationType()).isEqualTo("COGNITO_USER_POOLS");
        assertThat(cognito.authorizer().providerArns())
                .containsExactly("arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc");
        assertThat(cognito.authorizationScopes()).containsExactly("orders/read", "orders/write");

        Operation open = operations.get(3);
        assertThat(open.authorizationType()).isEqualTo("NONE");
        assertThat(open.authorizer()).isNull();
    }

    @Test
    void aBadAuthorizerFailsTheBuildWithItsPlace() {
        givenDefinition("""
                openapi: 3.0.1
                info: {title: t, version: '1'}
                components:
                  securitySchemes:
                    a:
                      type: apiKey
                      name: Authorization
                      in: header
                      x-amazon-apigateway-authorizer:
                        type: token
                        authorizerUri: %s
                        identitySource: method.request.querystring.token
                        identityValidationExpression: '[unclosed'
                        authorizerResultTtlInSeconds: 3601
                        resultTtl: 5
                    b:
                      type: apiKey
                      name: Authorization
                      in: header
                      x-amazon-apigateway-authorizer: {type: request}
                    c:
                      type: apiKey
                      name: Authorization
                      in: header
                      x-amazon-apigateway-authorizer: {type: cognito_user_pools}
                paths: {}
                """.formatted(FUNCTION));
        String at = "api.yaml #/components/securitySchemes/";
        thenErrors(
                at + "a/x-amazon-apigateway-authorizer/resultTtl: unknown field 'resultTtl' in"
                        + " x-amazon-apigateway-authorizer; known fields: authorizerCredentials,"
                        + " authorizerResultTtlInSeconds, authorizerUri, identitySource,"
                        + " identityValidationExpression, providerARNs, type",
                at + "a/x-amazon-apigateway-authorizer/identitySource: a token authorizer takes its token from one"
                        + " header (method.request.header.X), found 'method.request.querystring.token'",
                at + "b/x-amazon-apigateway-authorizer: a request authorizer needs authorizerUri, the Lambda function"
                        + " to call",
                at + "c/x-amazon-apigateway-authorizer: a cognito_user_pools authorizer needs providerARNs, the user"
                        + " pools whose tokens it accepts");
    }

    @Test
    void badExpressionAndTtlAreReported() {
        givenDefinition("""
                openapi: 3.0.1
                info: {title: t, version: '1'}
                components:
                  securitySchemes:
                    a:
                      type: apiKey
                      name: Authorization
                      in: header
                      x-amazon-apigateway-authorizer:
                        type: token
                        authorizerUri: %s
                        identityValidationExpression: '[unclosed'
                        authorizerResultTtlInSeconds: 3601
                paths: {}
                """.formatted(FUNCTION));
        String at = "api.yaml #/components/securitySchemes/a/x-amazon-apigateway-authorizer/";
        thenErrors(
                at + "identityValidationExpression: not a regular expression: Unclosed character class",
                at + "authorizerResultTtlInSeconds: must be between 0 and 3600 seconds, found 3601");
    }

    @Test
    void placeholdersAndWrongArnsAreRefusedAtBuildTime() {
        givenDefinition("""
                openapi: 3.0.1
                info: {title: t, version: '1'}
                components:
                  securitySchemes:
                    a:
                      type: apiKey
                      name: Authorization
                      in: header
                      x-amazon-apigateway-authorizer:
                        type: request
                        authorizerUri: ${authorizer_lambda_invocation_arn}
                    b:
                      type: apiKey
                      name: Authorization
                      in: header
                      x-amazon-apigateway-authorizer:
                        type: token
                        authorizerUri: arn:aws:lambda:us-east-1:123456789012:function:auth
                    c:
                      type: apiKey
                      name: Authorization
                      in: header
                      x-amazon-apigateway-authorizer:
                        type: cognito_user_pools
                        providerARNs: [arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_ok, '${pool}']
                paths: {}
                """);
        String at = "api.yaml #/components/securitySchemes/";
        thenErrors(
                at + "a/x-amazon-apigateway-authorizer/authorizerUri: '${authorizer_lambda_invocation_arn}' has the"
                        + " placeholder ${authorizer_lambda_invocation_arn}, which is neither ${stageVariables.name}"
                        + " nor an AWS variable: nothing fills it in",
                at + "b/x-amazon-apigateway-authorizer/authorizerUri: 'arn:aws:lambda:us-east-1:123456789012:function:"
                        + "auth' is not a Lambda function's invocation uri (arn:aws:apigateway:{region}:lambda:"
                        + "path/2015-03-31/functions/{functionArn}/invocations)",
                at + "c/x-amazon-apigateway-authorizer/providerARNs/1: '${pool}' has the placeholder ${pool}, which is"
                        + " neither ${stageVariables.name} nor an AWS variable: nothing fills it in");
    }

    private GeneratedApi generate(String definition) {
        Path out = folder.resolve("out");
        GenerationResult result = Generator.generate(new GenerationRequest(
                List.of(Definitions.write(folder, "api.yaml", definition)), out.resolve("java"),
                out.resolve("resources"), "turnpike.generated"));
        assertThat(result.hasErrors()).as(result.diagnostics().toString()).isFalse();
        URLClassLoader loader = TestCompiler.compile(List.of(out.resolve("java")), List.of(out.resolve("resources")),
                out.resolve("classes"));
        return ServiceLoader.load(GeneratedApi.class, loader).findFirst().orElseThrow();
    }
}
