package dev.turnpike.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code x-amazon-apigateway-policy} and the endpoint type are checked at build time, where they are written. */
class ResourcePolicyTest extends CheckTestSupport {

    @Test
    void aPolicyTheGatewayCannotEvaluateFailsTheBuild() {
        givenDefinition("""
                openapi: 3.0.1
                info: {title: t, version: '1'}
                x-amazon-apigateway-policy:
                  Version: '2012-10-17'
                  Statement:
                    - Effect: allow
                      Principal: '*'
                      Action: execute-api:Invoke
                      Resource: execute-api:/*
                paths: {}
                """);
        assertThat(diagnostics.stream().filter(Diagnostic::isError).map(Diagnostic::toString).toList())
                .singleElement().asString()
                .startsWith("api.yaml #/x-amazon-apigateway-policy: Statement[0].Effect: must be Allow or Deny");
    }

    @Test
    void aPrivateApiNeedsAPolicy() {
        givenDefinition("""
                openapi: 3.0.1
                info: {title: t, version: '1'}
                x-amazon-apigateway-endpoint-configuration: {types: [PRIVATE]}
                paths: {}
                """);
        thenErrors("api.yaml #/x-amazon-apigateway-endpoint-configuration: a PRIVATE API needs a resource policy"
                + " (x-amazon-apigateway-policy): API Gateway does not deploy one without it");
    }

    @Test
    void aValidPolicyAndEndpointTypeGenerateWithoutWarnings() {
        givenDefinition("""
                openapi: 3.0.1
                info: {title: t, version: '1'}
                x-amazon-apigateway-endpoint-configuration: {types: [PRIVATE], vpcEndpointIds: [vpce-1]}
                x-amazon-apigateway-policy:
                  Version: '2012-10-17'
                  Statement:
                    - Effect: Allow
                      Principal: '*'
                      Action: execute-api:Invoke
                      Resource: execute-api:/*
                      Condition: {StringEquals: {'aws:SourceVpce': vpce-1}}
                paths: {}
                """);
        thenErrors();
        thenWarnings();
    }
}
