package dev.turnpike.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.runtime.model.GatewayResponseSpec;
import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.response.GatewayResponseType;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code x-amazon-apigateway-gateway-responses} reaches the generated API, in order; bad entries fail the build. */
class GatewayResponsesTest {

    @TempDir
    Path folder;

    @Test
    void theCustomisedResponsesAreGenerated() {
        Map<GatewayResponseType, GatewayResponseSpec> responses = generate("""
                openapi: 3.0.1
                info: {title: t, version: '1'}
                x-amazon-apigateway-gateway-responses:
                  UNAUTHORIZED:
                    statusCode: 401
                    responseParameters:
                      gatewayresponse.header.WWW-Authenticate: "'Bearer realm=\\"admin\\"'"
                      gatewayresponse.header.X-Trace: method.request.header.x-trace
                    responseTemplates:
                      text/plain: "no: $context.error.message"
                      application/json: '{"m":$context.error.messageString}'
                  DEFAULT_5XX:
                    responseTemplates: {}
                paths:
                  /pets:
                    get:
                      x-amazon-apigateway-integration: {type: mock}
                """).gatewayResponses();
        assertThat(responses).containsOnlyKeys(GatewayResponseType.UNAUTHORIZED, GatewayResponseType.DEFAULT_5XX);
        GatewayResponseSpec unauthorized = responses.get(GatewayResponseType.UNAUTHORIZED);
        assertThat(unauthorized.statusCode()).isEqualTo("401");
        assertThat(unauthorized.responseParameters()).containsExactly(
                Map.entry("gatewayresponse.header.WWW-Authenticate", "'Bearer realm=\"admin\"'"),
                Map.entry("gatewayresponse.header.X-Trace", "method.request.header.x-trace"));
        assertThat(unauthorized.responseTemplates()).containsExactly(
                Map.entry("text/plain", "no: $context.error.message"),
                Map.entry("application/json", "{\"m\":$context.error.messageString}"));
        assertThat(unauthorized.pointer()).isEqualTo("/x-amazon-apigateway-gateway-responses/UNAUTHORIZED");
        assertThat(responses.get(GatewayResponseType.DEFAULT_5XX).statusCode()).isNull();
    }

    @Test
    void noneWithoutTheExtension() {
        assertThat(generate("""
                openapi: 3.0.1
                info: {title: t, version: '1'}
                paths:
                  /pets:
                    get:
                      x-amazon-apigateway-integration: {type: mock}
                """).gatewayResponses()).isEmpty();
    }

    @Test
    void everyMistakeIsReportedWithItsPointer() {
        GenerationResult result = run("""
                openapi: 3.0.1
                info: {title: t, version: '1'}
                x-amazon-apigateway-gateway-responses:
                  NOT_A_TYPE: {statusCode: 400}
                  THROTTLED:
                    statusCode: abc
                    colour: red
                    responseParameters:
                      method.response.header.X: "'x'"
                      gatewayresponse.header.Y: integration.response.body
                    responseTemplates:
                      application/json: '#if('
                paths:
                  /pets:
                    get:
                      x-amazon-apigateway-integration: {type: mock}
                """);
        assertThat(result.hasErrors()).isTrue();
        assertThat(result.diagnostics().toString())
                .contains("#/x-amazon-apigateway-gateway-responses/NOT_A_TYPE: unknown gateway response type 'NOT_A_TYPE'")
                .contains("#/x-amazon-apigateway-gateway-responses/THROTTLED/statusCode: expected an HTTP status code,"
                        + " found 'abc'")
                .contains("#/x-amazon-apigateway-gateway-responses/THROTTLED/colour: unknown field 'colour'")
                .contains("THROTTLED/responseParameters/method.response.header.X: expected"
                        + " gatewayresponse.header.<name>, found 'method.response.header.X'")
                .contains("THROTTLED/responseParameters/gatewayresponse.header.Y: expected a 'literal',"
                        + " method.request.*, context.* or stageVariables.* source, found 'integration.response.body'")
                .contains("#/x-amazon-apigateway-gateway-responses/THROTTLED/responseTemplates/application~1json: ");
    }

    private GenerationResult run(String definition) {
        Path out = folder.resolve("out");
        return Generator.generate(new GenerationRequest(
                List.of(Definitions.write(folder, "api.yaml", definition)), out.resolve("java"),
                out.resolve("resources"), "turnpike.generated"));
    }

    private GeneratedApi generate(String definition) {
        Path out = folder.resolve("out");
        GenerationResult result = run(definition);
        assertThat(result.hasErrors()).as(result.diagnostics().toString()).isFalse();
        URLClassLoader loader = TestCompiler.compile(List.of(out.resolve("java")), List.of(out.resolve("resources")),
                out.resolve("classes"));
        return ServiceLoader.load(GeneratedApi.class, loader).findFirst().orElseThrow();
    }
}
