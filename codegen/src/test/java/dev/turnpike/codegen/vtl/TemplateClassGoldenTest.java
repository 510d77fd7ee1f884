package dev.turnpike.codegen.vtl;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.ClassName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Pins the Java the template compiler writes for one template using most constructs, so a change to the generated
 * code is a deliberate one ({@code -Dturnpike.updateGoldens=true} rewrites the golden file).
 */
class TemplateClassGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/template");

    static final String TEMPLATE = """
            #set($body = $util.parseJson($input.body))
            #set($context.requestOverride.header.X-Pet = "$body.name")
            {
              "pets": [
            #foreach($pet in $input.path('$.pets'))
                {"id": $pet.id, "name": "$util.escapeJavaScript($pet.name)"}#if($foreach.hasNext),#end
            #end
              ],
            #if($body.count > 2 && !$body.hidden)
              "many": true,
            #elseif($body.count == 0)
              "none": true,
            #else
              "few": $body.count,
            #end
              "total": $!body.count
            }""";

    @Test
    void theGeneratedClassMatchesTheGoldenFile() throws VtlCompileException, IOException {
        String java = VtlCompiler.compile(TEMPLATE,
                "petstore.yaml #/paths/~1pets/post/x-amazon-apigateway-integration/requestTemplates/application~1json",
                ClassName.get("turnpike.generated.petstore", "PetstoreTemplate1")).toString();
        Path golden = GOLDEN.resolve("PetstoreTemplate1.java");
        if (Boolean.getBoolean("turnpike.updateGoldens")) {
            Files.writeString(golden, java);
        }
        assertThat(java).as("against " + golden + " (-Dturnpike.updateGoldens=true rewrites it)")
                .isEqualTo(Files.readString(golden));
    }
}
