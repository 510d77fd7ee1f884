package dev.turnpike.maven;

/** The smallest API worth serving: {@code GET /ping}, a MOCK answering {@code {"pong":true}}. */
final class PingApi {

    static final String DEFINITION = """
            openapi: 3.0.1
            info: {title: ping-api, version: '1'}
            paths:
              /ping:
                get:
                  x-amazon-apigateway-integration:
                    type: mock
                    requestTemplates: {application/json: '{"statusCode": 200}'}
                    responses:
                      default: {statusCode: '200', responseTemplates: {application/json: '{"pong":true}'}}
                  responses: {'200': {description: ok}}
            """;

    private PingApi() {
    }
}
