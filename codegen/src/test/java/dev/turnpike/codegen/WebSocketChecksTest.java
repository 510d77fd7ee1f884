package dev.turnpike.codegen;

import org.junit.jupiter.api.Test;

/** A WebSocket definition's mistakes fail the build, each with its file, JSON pointer and reason. */
class WebSocketChecksTest extends CheckTestSupport {

    private static final String HEAD = """
            openapi: 3.0.1
            info: {title: Chat, version: '1'}
            paths: {}
            x-amazon-apigateway-websocket-api:
            """;
    private static final String API = "api.yaml #/x-amazon-apigateway-websocket-api";

    @Test
    void everyMistakeIsReportedWithItsPointer() {
        givenDefinition(HEAD + """
                  routeSelectionExpression: $request.header.action
                  colour: blue
                  routes:
                    $connect:
                      apiKeyRequired: true
                      authorizationType: AWS_IAM
                      integration:
                        integrationType: HTTP
                    $sneaky:
                      integration:
                        integrationType: MOCK
                    sendmessage:
                      apiKeyRequired: true
                      routeResponseSelectionExpression: $request.body.x
                      integration:
                        integrationType: AWS_PROXY
                        integrationUri: arn:aws:lambda:us-east-1:123456789012:function:Chat
                        timeoutInMillis: 40000
                    $disconnect:
                      routeResponseSelectionExpression: $default
                      integration:
                        integrationType: MOCK
                        requestTemplates:
                          $default: '#if($x'
                          application/json: '{}'
                """);
        thenErrors(
                API + "/colour: unknown field 'colour' (known: apiKeySelectionExpression, routeSelectionExpression,"
                        + " routes)",
                API + "/routeSelectionExpression: expected $request.body.<property> (or ${request.body.<property>}),"
                        + " got '$request.header.action'",
                API + "/routes/$connect/authorizationType: authorizationType AWS_IAM is not served yet for WebSocket"
                        + " routes (NONE and CUSTOM are)",
                API + "/routes/$connect/integration/integrationUri: an HTTP integration needs an http:// or https://"
                        + " URL, got nothing",
                API + "/routes/$sneaky: a route key is $connect, $disconnect, $default or a custom key not starting"
                        + " with $, got '$sneaky'",
                API + "/routes/sendmessage/apiKeyRequired: only $connect can require an API key",
                API + "/routes/sendmessage/routeResponseSelectionExpression: expected $default, got"
                        + " '$request.body.x'",
                API + "/routes/sendmessage/integration/integrationUri: an AWS_PROXY integration needs a Lambda"
                        + " invocation ARN (arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<arn>/invocations),"
                        + " got 'arn:aws:lambda:us-east-1:123456789012:function:Chat'",
                API + "/routes/sendmessage/integration/timeoutInMillis: expected 50 to 29000, got 40000",
                API + "/routes/$disconnect/routeResponseSelectionExpression: $disconnect cannot answer: the client"
                        + " is gone",
                API + "/routes/$disconnect/integration/requestTemplates/$default: template line 1, column 7:"
                        + " unexpected end of template",
                API + "/routes/$disconnect/integration/requestTemplates/application~1json: only the $default"
                        + " template is served (templateSelectionExpression \\$default)");
    }

    @Test
    void anAuthorizerIsARequestAuthorizerOnConnect() {
        givenDefinition(HEAD + """
                  routes:
                    $connect:
                      authorizationType: CUSTOM
                      authorizer:
                        authorizerType: TOKEN
                        authorizerUri: arn:aws:lambda:us-east-1:123456789012:function:Auth
                        identitySource: [route.request.header.Auth, method.request.header.Auth]
                        authorizerResultTtlInSeconds: 300
                        ttl: 300
                      integration:
                        integrationType: MOCK
                    send:
                      authorizationType: CUSTOM
                      integration:
                        integrationType: MOCK
                """);
        thenErrors(
                API + "/routes/$connect/authorizer/ttl: unknown field 'ttl' (known: authorizerResultTtlInSeconds,"
                        + " authorizerType, authorizerUri, identitySource, name)",
                API + "/routes/$connect/authorizer/authorizerResultTtlInSeconds: API Gateway caches no WebSocket"
                        + " authorizer's result (authorizerResultTtlInSeconds is for HTTP APIs only): expected 0 or"
                        + " nothing, got 300",
                API + "/routes/$connect/authorizer/name: an authorizer needs a name",
                API + "/routes/$connect/authorizer/authorizerType: expected REQUEST, got 'TOKEN'",
                API + "/routes/$connect/authorizer/authorizerUri: expected a Lambda invocation ARN"
                        + " (arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<arn>/invocations), got"
                        + " 'arn:aws:lambda:us-east-1:123456789012:function:Auth'",
                API + "/routes/$connect/authorizer/identitySource/1: expected route.request.header.<name> or"
                        + " route.request.querystring.<name>, got method.request.header.Auth",
                API + "/routes/send/authorizationType: only $connect can have an authorizer");
    }

    @Test
    void httpIntegrationsNeedAUrlAndAKnownMethodAndProxiesTakeNoTemplates() {
        givenDefinition(HEAD + """
                  routes:
                    $default:
                      integration:
                        integrationType: HTTP_PROXY
                        integrationUri: ftp://backend.example.com/
                        integrationMethod: FETCH
                        requestTemplates:
                          $default: '{}'
                        integrationResponses:
                          $default:
                            responseTemplates:
                              $default: '{}'
                    mocked:
                      integration:
                        integrationType: MOCK
                        integrationMethod: GET
                    sqs:
                      integration:
                        integrationType: AWS
                        integrationUri: arn:aws:apigateway:us-east-1:sqs:path/123456789012/queue
                """);
        thenErrors(
                API + "/routes/$default/integration/integrationUri: an HTTP_PROXY integration needs an http:// or"
                        + " https:// URL, got 'ftp://backend.example.com/'",
                API + "/routes/$default/integration/integrationMethod: expected one of DELETE, GET, HEAD, OPTIONS,"
                        + " PATCH, POST, PUT, got 'FETCH'",
                API + "/routes/$default/integration/requestTemplates: an HTTP_PROXY integration passes the message and"
                        + " the answer through: no requestTemplates",
                API + "/routes/$default/integration/integrationResponses: an HTTP_PROXY integration passes the message"
                        + " and the answer through: no integrationResponses",
                API + "/routes/mocked/integration/integrationMethod: only HTTP and HTTP_PROXY integrations have a"
                        + " method",
                API + "/routes/sqs/integration/integrationType: expected MOCK, AWS_PROXY, HTTP or HTTP_PROXY, got"
                        + " 'AWS'");
    }

    @Test
    void routesAreRequired() {
        givenDefinition(HEAD + """
                  routeSelectionExpression: ${request.body.action}
                """);
        thenErrors(API + "/routes: missing: expected an object");
    }
}
