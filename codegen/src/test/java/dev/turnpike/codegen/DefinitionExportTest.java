package dev.turnpike.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The definition codegen keeps for GetExport: OpenAPI 3 whatever the input, readable back, extensions intact. */
class DefinitionExportTest {

    @TempDir
    Path folder;

    @Test
    void aSwagger2DefinitionIsKeptAsOpenApi3WithoutTheConvertersMark() throws Exception {
        Path definition = Definitions.write(folder, "calc.json", """
                {"swagger": "2.0", "info": {"title": "Calc", "version": "1"}, "basePath": "/test",
                 "paths": {"/calc/{op}": {"get": {
                   "parameters": [{"name": "op", "in": "path", "required": true, "type": "string"}],
                   "responses": {"200": {"description": "the result"}},
                   "x-amazon-apigateway-integration": {"type": "mock",
                     "requestTemplates": {"application/json": "{\\"statusCode\\": 200}"},
                     "responses": {"default": {"statusCode": "200"}}}}}}}
                """);

        GenerationResult result = Generator.generate(new GenerationRequest(List.of(definition),
                folder.resolve("java"), folder.resolve("resources"), "turnpike.generated"));

        assertThat(result.hasErrors()).as(result.diagnostics().toString()).isFalse();
        Path kept = folder.resolve("resources/META-INF/turnpike/exports/turnpike.generated.calc.CalcApi.json");
        String json = Files.readString(kept);
        assertThat(json).doesNotContain("x-original-swagger-version").doesNotContain("\"swagger\"");
        OpenAPI read = new OpenAPIV3Parser().readContents(json).getOpenAPI();
        assertThat(read.getOpenapi()).startsWith("3.0");
        assertThat(read.getPaths()).containsOnlyKeys("/calc/{op}");
        assertThat(read.getPaths().get("/calc/{op}").getGet().getExtensions())
                .containsKey("x-amazon-apigateway-integration");
        assertThat(Files.readString(folder.resolve("java/turnpike/generated/calc/CalcApi.java")))
                .contains("return \"META-INF/turnpike/exports/turnpike.generated.calc.CalcApi.json\";");
    }
}
