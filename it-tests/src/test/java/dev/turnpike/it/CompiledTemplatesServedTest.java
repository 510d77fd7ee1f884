package dev.turnpike.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.pipeline.Gateway;
import dev.turnpike.runtime.template.MappingTemplate;
import dev.turnpike.runtime.template.TemplateContext;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A served request renders its mapping template with the class the build compiled, not the interpreter. The proof
 * is a template the interpreter cannot render: Velocity 2.4 throws a NullPointerException building a log message
 * for {@code -true} (see codegen's RandomTemplatesDifferentialTest), while the compiled class renders it; the
 * request answers 200 with the template's output only if the compiled class rendered it.
 */
class CompiledTemplatesServedTest {

    private static final String RESPONSE_TEMPLATE = "#set($ignored = -true)\n"
            + "#set($names = $input.params('names').split(','))\n"
            + "{\"names\": [#foreach($n in $names)\"$n\"#if($foreach.hasNext), #end#end], \"stage\": \"$context.stage\"}";

    private static final String DEFINITION = """
            swagger: "2.0"
            info: {title: compiled, version: "1"}
            paths:
              /hello:
                get:
                  parameters:
                    - {name: names, in: query, type: string}
                  responses:
                    "200": {description: ok}
                  x-amazon-apigateway-integration:
                    type: mock
                    requestTemplates:
                      application/json: '{"statusCode": 200}'
                    responses:
                      default:
                        statusCode: "200"
                        responseTemplates:
                          application/json: %s
            """.formatted(quoted(RESPONSE_TEMPLATE));

    @TempDir
    static Path dir;

    static FilterInJetty jetty;

    @BeforeAll
    static void start() throws Exception {
        TurnpikeConfig config = TurnpikeConfig.from(Map.of("turnpike.stages", "dev"));
        jetty = FilterInJetty.serve(TestTls.create(dir), Map.of("/api", Gateway.create(
                GeneratedDefinition.load(dir, "compiled.yaml", DEFINITION, "compiled.templates"), config)));
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.close();
    }

    @Test
    void aServedRequestRendersWithTheCompiledClass() throws Exception {
        assertThat(MappingTemplate.prepare(RESPONSE_TEMPLATE, "check").isCompiled())
                .as("the generated API registered a class for the template").isTrue();
        TemplateContext context = TemplateContext.builder().queryParameters(Map.of("names", List.of("a,b"))).build();
        assertThatThrownBy(() -> MappingTemplate.parse(RESPONSE_TEMPLATE, "interpreted").render(context))
                .as("the interpreter cannot render this template").isInstanceOf(NullPointerException.class);

        HttpResponse<String> r = jetty.client().send(HttpRequest.newBuilder(URI.create(jetty.root()
                + "/api/dev/hello?names=Rex,Fido")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"names\": [\"Rex\", \"Fido\"], \"stage\": \"dev\"}");
    }

    /** A YAML double-quoted scalar. */
    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
