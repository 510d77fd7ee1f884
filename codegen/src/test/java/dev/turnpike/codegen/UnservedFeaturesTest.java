package dev.turnpike.codegen;

import org.junit.jupiter.api.Test;

/** What a definition may use but this version does not serve yet is a warning, once per feature, never silent. */
class UnservedFeaturesTest extends CheckTestSupport {

    @Test
    void vpcLinksAndHttpIntegrationsAreServed() {
        givenDefinition("""
                openapi: 3.0.1
                info: {title: t, version: '1'}
                paths:
                  /pets:
                    get:
                      x-amazon-apigateway-integration:
                        type: http_proxy
                        httpMethod: GET
                        uri: http://nlb.internal/pets
                        connectionType: VPC_LINK
                        connectionId: abc123
                  /toys:
                    get:
                      x-amazon-apigateway-integration:
                        type: http
                        httpMethod: GET
                        uri: http://nlb.internal/toys
                        connectionType: VPC_LINK
                        connectionId: ${stageVariables.vpcLinkId}
                        responses:
                          default: {statusCode: '200'}
                """);
        thenErrors();
        thenWarnings();
    }

    @Test
    void templatesWithVtlAreRenderedWithoutWarning() {
        givenDefinition("""
                openapi: 3.0.1
                info: {title: t, version: '1'}
                paths:
                  /pets:
                    get:
                      x-amazon-apigateway-integration:
                        type: mock
                        requestTemplates: {application/json: '{"statusCode": 200}'}
                        responses:
                          default:
                            statusCode: '200'
                            responseTemplates: {application/json: '{"id": "$context.requestId"}'}
                  /static:
                    get:
                      x-amazon-apigateway-integration:
                        type: mock
                        requestTemplates: {application/json: '{"statusCode": 200}'}
                        responses:
                          default: {statusCode: '200', responseTemplates: {application/json: '{"price": "$5"}'}}
                """);
        thenErrors();
        thenWarnings();
    }

    @Test
    void lambdaAndOtherAwsServicesAreServed() {
        givenDefinition("""
                openapi: 3.0.1
                info: {title: t, version: '1'}
                paths:
                  /pets:
                    get:
                      x-amazon-apigateway-integration:
                        type: aws_proxy
                        httpMethod: POST
                        uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.fn}/invocations
                  /toys:
                    get:
                      x-amazon-apigateway-integration:
                        type: aws
                        httpMethod: POST
                        uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:toys/invocations
                        responses:
                          default: {statusCode: '200'}
                  /files:
                    get:
                      x-amazon-apigateway-integration:
                        type: aws
                        httpMethod: GET
                        uri: arn:aws:apigateway:us-east-1:s3:path/bucket/key
                        credentials: arn:aws:iam::123456789012:role/s3
                        responses:
                          default: {statusCode: '200'}
                """);
        thenErrors();
        thenWarnings();
    }
}
