package dev.turnpike.codegen;

import static dev.turnpike.codegen.Definitions.getPetsWith;

import org.junit.jupiter.api.Test;

/** Mapping templates are parsed at build time: a template that would fail at run time fails the build. */
class TemplateChecksTest extends CheckTestSupport {

    @Test
    void unknownUtilMethodsAreErrorsWithLineAndColumn() {
        givenDefinition(getPetsWith("""
                type: mock
                requestTemplates:
                  application/json: |-
                    {"statusCode": 200,
                     "a": "$util.escapeJavaScript($input.body)", "b": "$util.toJson($input.body)"}
                responses:
                  default:
                    statusCode: '200'
                    responseTemplates:
                      text/plain: '$util.base64Encode("x") ${util.md5("x")} \\$util.notACall'
                """));
        thenErrors(INTEGRATION + "/requestTemplates/application~1json: line 2, column 52: unknown $util method"
                        + " 'toJson': API Gateway has base64Decode, base64Encode, escapeJavaScript, parseJson,"
                        + " urlDecode, urlEncode",
                INTEGRATION + "/responses/default/responseTemplates/text~1plain: line 1, column 25: unknown $util"
                        + " method 'md5': API Gateway has base64Decode, base64Encode, escapeJavaScript, parseJson,"
                        + " urlDecode, urlEncode");
    }

    @Test
    void syntaxErrorsInEveryTemplateAreGathered() {
        givenDefinition(getPetsWith("""
                type: http
                httpMethod: POST
                uri: http://example.com/pets
                requestTemplates:
                  application/json: |-
                    {"a": 1}
                    #if($input.body == "")
                  application/xml: '#foreach($x in $input.path(''$''))$x'
                responses:
                  '4\\d{2}':
                    statusCode: '400'
                    responseTemplates:
                      application/json: '#set($a = ) x'
                  default:
                    statusCode: '200'
                    responseTemplates:
                      application/json: '{"ok": $input.json(''$.ok'')}'
                """));
        thenErrors(INTEGRATION + "/requestTemplates/application~1json: line 2, column 23: unexpected end of template",
                INTEGRATION + "/requestTemplates/application~1xml: line 1, column 35: unexpected end of template",
                INTEGRATION + "/responses/4\\d{2}/responseTemplates/application~1json: line 1, column 11:"
                        + " unexpected \")\"");
    }
}
