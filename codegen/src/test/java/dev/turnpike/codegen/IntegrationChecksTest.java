package dev.turnpike.codegen;

import static dev.turnpike.codegen.Definitions.getPetsWith;
import static dev.turnpike.codegen.Definitions.openApi;

import org.junit.jupiter.api.Test;

/** The checks of {@code x-amazon-apigateway-integration}, one test each. */
class IntegrationChecksTest extends CheckTestSupport {

    @Test
    void unknownIntegrationType() {
        givenDefinition(getPetsWith("""
                type: lambda
                httpMethod: POST
                uri: http://example.com
                """));
        thenErrors(INTEGRATION + "/type: unknown integration type 'lambda': expected one of mock, http, http_proxy,"
                + " aws, aws_proxy");
    }

    @Test
    void integrationTypeInAnyCase() {
        givenDefinition(getPetsWith("""
                type: Http_Proxy
                httpMethod: get
                uri: http://example.com/pets
                """));
        thenErrors();
    }

    @Test
    void missingType() {
        givenDefinition(getPetsWith("""
                uri: http://example.com
                """));
        thenErrors(INTEGRATION + ": missing type: expected one of mock, http, http_proxy, aws, aws_proxy");
    }

    @Test
    void missingUri() {
        givenDefinition(getPetsWith("""
                type: http_proxy
                httpMethod: GET
                """));
        thenErrors(INTEGRATION + ": missing uri: an HTTP_PROXY integration needs one");
    }

    @Test
    void mockNeedsNoUriNorHttpMethod() {
        givenDefinition(getPetsWith("""
                type: mock
                requestTemplates:
                  application/json: '{"statusCode": 200}'
                """));
        thenErrors();
    }

    @Test
    void missingHttpMethod() {
        givenDefinition(getPetsWith("""
                type: http
                uri: http://example.com/pets
                """));
        thenErrors(INTEGRATION + ": missing httpMethod: an HTTP integration needs the method to call the backend with");
    }

    @Test
    void uriThatIsNotAnAbsoluteUrl() {
        givenDefinition(getPetsWith("""
                type: http_proxy
                httpMethod: GET
                uri: /pets
                """));
        thenErrors(INTEGRATION + "/uri: uri '/pets' is not an absolute http or https URL");
    }

    @Test
    void uriWithAnotherScheme() {
        givenDefinition(getPetsWith("""
                type: http
                httpMethod: GET
                uri: ftp://example.com/pets
                """));
        thenErrors(INTEGRATION + "/uri: uri 'ftp://example.com/pets' is not an absolute http or https URL");
    }

    @Test
    void stageVariablesAnywhereInTheUri() {
        givenDefinition(getPetsWith("""
                type: http_proxy
                httpMethod: GET
                uri: http://${stageVariables.host}:${stageVariables.port}/${stageVariables.base}/pets?v=${stageVariables.v}
                """));
        thenErrors();
    }

    @Test
    void placeholderThatNothingFillsIn() {
        givenDefinition(getPetsWith("""
                type: http_proxy
                httpMethod: GET
                uri: ${backend_url}/pets
                """));
        thenErrors(INTEGRATION + "/uri: uri '${backend_url}/pets' has the placeholder ${backend_url}, which is neither"
                + " ${stageVariables.name} nor an AWS variable (${AWS::Region}, ${AWS::Partition}, ${AWS::AccountId}):"
                + " nothing fills it in");
    }

    @Test
    void awsUriThatIsNotAServiceArn() {
        givenDefinition(getPetsWith("""
                type: aws_proxy
                httpMethod: POST
                uri: arn:aws:lambda:us-east-1:123456789012:function:pets
                """));
        thenErrors(INTEGRATION + "/uri: uri 'arn:aws:lambda:us-east-1:123456789012:function:pets' is not an API Gateway"
                + " service ARN (arn:aws:apigateway:{region}:{service}:path/{path} or :action/{action})");
    }

    @Test
    void awsUriWithImportVariables() {
        givenDefinition(getPetsWith("""
                type: aws_proxy
                httpMethod: POST
                uri: arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:pets/invocations
                """));
        thenErrors();
    }

    @Test
    void cloudFormationIntrinsicInsteadOfAString() {
        givenDefinition(getPetsWith("""
                type: aws_proxy
                httpMethod: POST
                uri:
                  Fn::Sub: arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Pets.Arn}/invocations
                """));
        thenErrors(INTEGRATION + "/uri: expected a string, found the CloudFormation intrinsic Fn::Sub, which only"
                + " CloudFormation resolves (generate from the definition as API Gateway imports it)");
    }

    @Test
    void uriParameterWithoutItsMapping() {
        givenDefinition(openApi("""
                  /pets/{petId}:
                    get:
                      x-amazon-apigateway-integration:
                        type: http_proxy
                        httpMethod: GET
                        uri: http://example.com/pets/{id}
                """));
        thenErrors("api.yaml #/paths/~1pets~1{petId}/get/x-amazon-apigateway-integration/uri: uri names {id}, but"
                + " requestParameters does not map integration.request.path.id");
    }

    @Test
    void uriParameterOfThePathWithoutItsMappingSaysWhatToAdd() {
        givenDefinition(openApi("""
                  /pets/{petId}:
                    get:
                      x-amazon-apigateway-integration:
                        type: http_proxy
                        httpMethod: GET
                        uri: http://example.com/pets/{petId}
                """));
        thenErrors("api.yaml #/paths/~1pets~1{petId}/get/x-amazon-apigateway-integration/uri: uri names {petId}, but"
                + " requestParameters does not map integration.request.path.petId: add"
                + " \"integration.request.path.petId\": \"method.request.path.petId\"");
    }

    @Test
    void mappingFromAQueryParameterTheMethodDoesNotDeclare() {
        givenDefinition(getPetsWith("""
                type: http
                httpMethod: GET
                uri: http://example.com/pets
                requestParameters:
                  integration.request.querystring.limit: method.request.querystring.limit
                """));
        thenErrors(INTEGRATION + "/requestParameters/integration.request.querystring.limit:"
                + " method.request.querystring.limit is not declared by GET /pets: add a query parameter 'limit'");
    }

    @Test
    void mappingFromAPathParameterThePathDoesNotHave() {
        givenDefinition(getPetsWith("""
                type: http
                httpMethod: GET
                uri: http://example.com/pets/{id}
                requestParameters:
                  integration.request.path.id: method.request.path.id
                """));
        thenErrors(INTEGRATION + "/requestParameters/integration.request.path.id: method.request.path.id is not"
                + " declared by GET /pets: the path has no {id}");
    }

    @Test
    void declaredParametersAndOtherSourcesMap() {
        givenDefinition(openApi("""
                  /pets/{petId}:
                    get:
                      parameters:
                        - {name: limit, in: query}
                        - {name: X-Trace, in: header}
                      x-amazon-apigateway-integration:
                        type: http
                        httpMethod: GET
                        uri: http://example.com/pets/{petId}
                        requestParameters:
                          integration.request.path.petId: method.request.path.petId
                          integration.request.querystring.limit: method.request.multivaluequerystring.limit
                          integration.request.header.x-trace: method.request.header.x-trace
                          integration.request.header.X-Stage: stageVariables.name
                          integration.request.header.X-Request: context.requestId
                          integration.request.header.X-Static: "'fixed'"
                          integration.request.header.X-Body: method.request.body.name
                """));
        thenErrors();
    }

    @Test
    void requestParameterTargetAndSourceOfTheWrongShape() {
        givenDefinition(getPetsWith("""
                type: http
                httpMethod: GET
                uri: http://example.com/pets
                requestParameters:
                  integration.request.body: "'x'"
                  integration.request.header.X-Id: $request.body.id
                """));
        thenErrors(
                INTEGRATION + "/requestParameters/integration.request.body: 'integration.request.body' is not a request"
                        + " parameter target: expected integration.request.{path|querystring|header}.<name>",
                INTEGRATION + "/requestParameters/integration.request.header.X-Id: '$request.body.id' is not a request"
                        + " parameter source: expected method.request.{path|querystring|header}.<name>,"
                        + " method.request.body, a 'static value', stageVariables.<name> or context.<name>");
    }

    @Test
    void selectionPatternThatIsNotARegularExpression() {
        givenDefinition(getPetsWith("""
                type: mock
                responses:
                  "[45\\\\d{2}":
                    statusCode: "400"
                """));
        thenErrors(INTEGRATION + "/responses/[45\\d{2}: selectionPattern '[45\\d{2}' is not a valid regular"
                + " expression: Unclosed character class near index 7");
    }

    @Test
    void statusCodeThatIsNotThreeDigits() {
        givenDefinition(getPetsWith("""
                type: mock
                responses:
                  default:
                    statusCode: "20"
                """));
        thenErrors(INTEGRATION + "/responses/default/statusCode: statusCode '20' is not a three-digit HTTP status code");
    }

    @Test
    void responseWithoutStatusCode() {
        givenDefinition(getPetsWith("""
                type: mock
                responses:
                  default:
                    statusCode:
                  "4\\\\d{2}":
                """));
        thenErrors(INTEGRATION + "/responses/default: missing statusCode",
                INTEGRATION + "/responses/4\\d{2}: expected an object, found null");
    }

    @Test
    void statusCodeWrittenAsANumber() {
        givenDefinition(getPetsWith("""
                type: mock
                responses:
                  default:
                    statusCode: 200
                """));
        thenErrors();
    }

    @Test
    void timeoutOutsideTheRangeApiGatewayAllows() {
        givenDefinition(getPetsWith("""
                type: http_proxy
                httpMethod: GET
                uri: http://example.com/pets
                timeoutInMillis: 30000
                """));
        thenErrors(INTEGRATION + "/timeoutInMillis: timeoutInMillis 30000 is outside 50..29000");
    }

    @Test
    void unknownFieldInTheIntegration() {
        givenDefinition(getPetsWith("""
                type: http_proxy
                httpMethod: GET
                uri: http://example.com/pets
                timeoutInMilis: 5000
                """));
        thenErrors(INTEGRATION + "/timeoutInMilis: unknown field 'timeoutInMilis' in x-amazon-apigateway-integration;"
                + " known fields: cacheKeyParameters, cacheNamespace, connectionId, connectionType, contentHandling,"
                + " credentials, httpMethod, integrationSubtype, integrationTarget, passthroughBehavior,"
                + " payloadFormatVersion, requestParameters, requestTemplates, responseTransferMode, responses,"
                + " timeoutInMillis, tlsConfig, type, uri");
    }

    @Test
    void tlsConfigSkipsVerificationOnHttpIntegrations() {
        givenDefinition(getPetsWith("""
                type: http_proxy
                httpMethod: GET
                uri: https://self-signed.internal/pets
                tlsConfig: {insecureSkipVerification: true}
                """));
        thenErrors();
        thenWarnings();
    }

    @Test
    void tlsConfigWithAnUnknownFieldOrValue() {
        givenDefinition(getPetsWith("""
                type: http_proxy
                httpMethod: GET
                uri: https://self-signed.internal/pets
                tlsConfig: {insecureSkipVerification: maybe, skipHostname: true}
                """));
        thenErrors(INTEGRATION + "/tlsConfig/skipHostname: unknown field 'skipHostname' in tlsConfig; known fields:"
                        + " insecureSkipVerification, serverNameToVerify",
                INTEGRATION + "/tlsConfig/insecureSkipVerification: expected true or false, found 'maybe'");
    }

    @Test
    void tlsConfigOnAnIntegrationWithoutAnHttpBackendIsIgnoredWithAWarning() {
        givenDefinition(getPetsWith("""
                type: mock
                requestTemplates: {application/json: '{"statusCode": 200}'}
                tlsConfig: {insecureSkipVerification: true, serverNameToVerify: pets.internal}
                """));
        thenErrors();
        thenWarnings(INTEGRATION + "/tlsConfig/serverNameToVerify: serverNameToVerify is an HTTP API field, which REST"
                + " APIs ignore", INTEGRATION + "/tlsConfig/insecureSkipVerification: insecureSkipVerification applies"
                + " to http and http_proxy integrations only; ignored here");
    }

    @Test
    void unknownFieldInAnIntegrationResponse() {
        givenDefinition(getPetsWith("""
                type: mock
                responses:
                  default:
                    statusCode: "200"
                    application/json: '{}'
                """));
        thenErrors(INTEGRATION + "/responses/default/application~1json: unknown field 'application/json' in an"
                + " integration response; known fields: contentHandling, responseParameters, responseTemplates,"
                + " statusCode");
    }

    @Test
    void vpcLinkWithoutItsId() {
        givenDefinition(getPetsWith("""
                type: http_proxy
                httpMethod: GET
                uri: http://nlb.internal/pets
                connectionType: VPC_LINK
                """));
        thenErrors(INTEGRATION + "/connectionType: connectionType VPC_LINK needs a connectionId");
    }

    @Test
    void mappingContentLengthIsRefusedAsAwsRefusesEveryRequest() {
        givenDefinition(getPetsWith("""
                type: http
                httpMethod: GET
                uri: http://example.com/pets
                requestParameters:
                  integration.request.header.Content-Length: "'0'"
                  integration.request.header.X-Ok: "'1'"
                """));
        thenErrors(INTEGRATION + "/requestParameters/integration.request.header.Content-Length: the integration"
                + " request header Content-Length cannot be mapped: API Gateway answers every request of the method"
                + " with 500");
    }
}
