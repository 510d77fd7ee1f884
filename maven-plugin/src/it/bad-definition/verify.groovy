// Both builds (validate, then generate-sources) fail and report both mistakes: file:line:column (a link IDEs
// and terminals follow), JSON pointer and reason, each logged as an error and listed again in the failure message.
String text = new File(basedir, 'build.log').text
String file = new File(basedir, 'src/main/openapi/orders.yaml').path
List<String> problems = [
    "${file}:9:9: error: #/paths/~1orders/get/x-amazon-apigateway-integration/type: unknown integration type 'carrier_pigeon'",
    "${file}:26:9: error: #/paths/~1orders~1{id}/get/x-amazon-apigateway-integration/timeoutInMillis: timeoutInMillis 30000",
]
problems.each { problem ->
    assert text.count("[ERROR] $problem") >= 2 : "not logged by both goals: $problem"
    assert text.count("  $problem") >= 2 : "not in both failure messages: $problem"
}
assert text.count('Turnpike: 2 errors in OpenAPI definitions:') == 2
return true
