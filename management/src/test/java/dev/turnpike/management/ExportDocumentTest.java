package dev.turnpike.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How GetExport shapes a kept definition: the order of the top, the stage's server, the extensions asked for. */
class ExportDocumentTest {

    private static final String DEFINITION = """
            {"openapi": "3.0.1", "servers": [{"url": "/"}], "info": {"title": "T", "version": "1"},
             "x-amazon-apigateway-api-key-source": "HEADER",
             "paths": {"/a": {"x-amazon-apigateway-any-method": {"x-amazon-apigateway-integration": {"type": "mock"}},
                              "get": {"security": [{"auth": []}], "x-amazon-apigateway-integration": {"type": "mock"}}}},
             "components": {"securitySchemes": {"auth": {"type": "apiKey", "name": "Authorization", "in": "header",
                 "x-amazon-apigateway-authtype": "custom", "x-amazon-apigateway-authorizer": {"type": "token"}}}}}
            """;

    private static String shape(String extensions) {
        return ExportDocument.shape(DEFINITION, "abc.execute-api.us-east-1.amazonaws.com", "prod",
                ExportExtensions.of(extensions), false);
    }

    @Test
    void withoutExtensionsOnlyTheAnyMethodStays() {
        assertThat(shape(null).replaceAll("\\s+", "")).isEqualTo("""
                {"openapi":"3.0.1","info":{"title":"T","version":"1"},
                "servers":[{"url":"https://abc.execute-api.us-east-1.amazonaws.com/{basePath}",
                "variables":{"basePath":{"default":"/prod"}}}],
                "paths":{"/a":{"x-amazon-apigateway-any-method":{},"get":{"security":[{"auth":[]}]}}},
                "components":{"securitySchemes":{"auth":{"type":"apiKey","name":"Authorization","in":"header"}}}}
                """.replaceAll("\\s+", ""));
    }

    @Test
    void authorizersKeepTheAuthorizerAndAuthTypeOnly() {
        String export = shape("authorizers");

        assertThat(export).contains("\"x-amazon-apigateway-authtype\" : \"custom\"")
                .contains("\"x-amazon-apigateway-authorizer\"")
                .doesNotContain("x-amazon-apigateway-integration")
                .doesNotContain("x-amazon-apigateway-api-key-source");
    }

    @Test
    void combinationsAddUpAndApigatewayKeepsEverything() {
        assertThat(shape("integrations,authorizers")).contains("x-amazon-apigateway-integration")
                .contains("x-amazon-apigateway-authorizer").doesNotContain("x-amazon-apigateway-api-key-source");
        assertThat(shape("apigateway")).contains("\"x-amazon-apigateway-api-key-source\" : \"HEADER\"")
                .contains("x-amazon-apigateway-integration").contains("x-amazon-apigateway-authorizer");
        assertThat(shape("postman")).isEqualTo(shape(null));
    }

    @Test
    void yamlIsTheSameDocument() {
        String yaml = ExportDocument.shape(DEFINITION, "abc.execute-api.us-east-1.amazonaws.com", "prod",
                ExportExtensions.of(null), true);

        // Quoted strings and no document start marker, as the OpenAPI 3 exports from AWS recorded in the corpus.
        assertThat(yaml).startsWith("openapi: \"3.0.1\"\ninfo:\n").contains("default: \"/prod\"")
                .doesNotContain("x-amazon-apigateway-integration");
    }

    @Test
    void anUnknownExtensionsValueIsABadRequest() {
        assertThatThrownBy(() -> ExportExtensions.of("integrations,swagger"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errorType()).isEqualTo("BadRequestException"))
                .hasMessage("Invalid value for parameter extensions: 'swagger'. Supported: integrations, apigateway,"
                        + " authorizers, postman");
    }

    @Test
    void acceptChoosesJsonOrYaml() {
        assertThat(ExportFormat.yaml(null)).isFalse();
        assertThat(ExportFormat.yaml("*/*")).isFalse();
        assertThat(ExportFormat.yaml("text/html, application/yaml;q=0.9")).isTrue();
        assertThat(ExportFormat.yaml("application/json, application/yaml")).isFalse();
        assertThatThrownBy(() -> ExportFormat.yaml("text/html")).isInstanceOf(ApiException.class)
                .hasMessage("Unsupported Accept header: text/html. Supported: application/json, application/yaml");
    }
}
