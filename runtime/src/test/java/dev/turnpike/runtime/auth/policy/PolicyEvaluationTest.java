package dev.turnpike.runtime.auth.policy;

import static dev.turnpike.runtime.auth.policy.PolicyResult.ALLOW;
import static dev.turnpike.runtime.auth.policy.PolicyResult.EXPLICIT_DENY;
import static dev.turnpike.runtime.auth.policy.PolicyResult.IMPLICIT_DENY;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PolicyEvaluationTest {

    static final String API = "arn:aws:execute-api:us-east-1:123456789012:abc123";
    static final CallerPrincipal ALICE = new CallerPrincipal("123456789012", "arn:aws:iam::123456789012:user/alice");
    static final CallerPrincipal ROLE_SESSION = new CallerPrincipal("123456789012",
            "arn:aws:sts::123456789012:assumed-role/reader/session-1");

    static RequestFacts request(String method, String path) {
        return new RequestFacts(RequestFacts.INVOKE, ExecuteApiArn.of("us-east-1", "123456789012", "abc123", "prod",
                method, path), null, "198.51.100.7", null, null);
    }

    static PolicyResult evaluate(String policy, RequestFacts facts) throws PolicyParseException {
        return PolicyEvaluation.evaluate(PolicyDocument.parse(policy), facts);
    }

    static String allow(String resource) {
        return "{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"execute-api:Invoke\","
                + " \"Resource\": \"" + resource + "\"}}";
    }

    @Test
    void theArnOfACall() {
        assertThat(ExecuteApiArn.of("us-east-1", "123456789012", "abc123", "prod", "GET", "/pets/7"))
                .isEqualTo(API + "/prod/GET/pets/7");
        assertThat(ExecuteApiArn.of("us-east-1", "123456789012", "abc123", "prod", "GET", "/"))
                .isEqualTo(API + "/prod/GET/");
    }

    @Test
    void starSpansSlashesAndQuestionMarkIsOneCharacter() throws Exception {
        RequestFacts pet = request("GET", "/pets/7/toys");
        assertThat(evaluate(allow(API + "/*"), pet)).isEqualTo(ALLOW);
        assertThat(evaluate(allow(API + "/prod/*/pets/*"), pet)).isEqualTo(ALLOW);
        assertThat(evaluate(allow(API + "/*/GET/*/toys"), pet)).isEqualTo(ALLOW);
        assertThat(evaluate(allow(API + "/prod/GET/pets/?/toys"), pet)).isEqualTo(ALLOW);
        assertThat(evaluate(allow(API + "/prod/GET/pets/??/toys"), pet)).isEqualTo(IMPLICIT_DENY);
        assertThat(evaluate(allow(API + "/prod/GET/pets"), pet)).isEqualTo(IMPLICIT_DENY);
        assertThat(evaluate(allow("*"), pet)).isEqualTo(ALLOW);
        assertThat(evaluate(allow("arn:aws:execute-api:*:*:*"), pet)).isEqualTo(ALLOW);
    }

    @Test
    void resourcesAreCaseSensitiveActionsAreNot() throws Exception {
        RequestFacts pet = request("GET", "/pets");
        assertThat(evaluate(allow(API + "/prod/get/pets"), pet)).isEqualTo(IMPLICIT_DENY);
        assertThat(evaluate(allow(API + "/prod/GET/Pets"), pet)).isEqualTo(IMPLICIT_DENY);
        String lowerCaseAction = "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"EXECUTE-API:invoke\","
                + " \"Resource\": \"*\"}}";
        assertThat(evaluate(lowerCaseAction, pet)).isEqualTo(ALLOW);
        String serviceWildcard = "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"execute-api:*\","
                + " \"Resource\": \"*\"}}";
        assertThat(evaluate(serviceWildcard, pet)).isEqualTo(ALLOW);
        String otherService = "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}}";
        assertThat(evaluate(otherService, pet)).isEqualTo(IMPLICIT_DENY);
    }

    @Test
    void shorthandResourcesNameTheRequestsOwnApi() throws Exception {
        RequestFacts pet = request("PUT", "/get");
        assertThat(evaluate(allow("execute-api:/prod/PUT/get"), pet)).isEqualTo(ALLOW);
        assertThat(evaluate(allow("execute-api:/*"), pet)).isEqualTo(ALLOW);
        assertThat(evaluate(allow("execute-api:/*/GET/*"), pet)).isEqualTo(IMPLICIT_DENY);
        RequestFacts otherApi = new RequestFacts(RequestFacts.INVOKE,
                "arn:aws:execute-api:eu-west-1:210987654321:zzz999/prod/PUT/get", null, null, null, null);
        assertThat(evaluate(allow("execute-api:/prod/PUT/get"), otherApi)).isEqualTo(ALLOW);
        assertThat(evaluate(allow(API + "/prod/PUT/get"), otherApi)).isEqualTo(IMPLICIT_DENY);
    }

    @Test
    void explicitDenyWinsOverAnyAllow() throws Exception {
        String policy = """
                {"Statement": [
                  {"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "*"},
                  {"Effect": "Deny", "Principal": "*", "Action": "execute-api:Invoke",
                   "Resource": "execute-api:/*/DELETE/*"}]}""";
        assertThat(evaluate(policy, request("GET", "/pets"))).isEqualTo(ALLOW);
        assertThat(evaluate(policy, request("DELETE", "/pets/1"))).isEqualTo(EXPLICIT_DENY);
    }

    @Test
    void notActionAndNotResource() throws Exception {
        String notResource = """
                {"Statement": {"Effect": "Deny", "Principal": "*", "Action": "execute-api:Invoke",
                 "NotResource": "execute-api:/prod/GET/public/*"}}""";
        assertThat(evaluate(notResource, request("GET", "/public/x"))).isEqualTo(IMPLICIT_DENY);
        assertThat(evaluate(notResource, request("GET", "/private/x"))).isEqualTo(EXPLICIT_DENY);
        String notAction = """
                {"Statement": {"Effect": "Allow", "Principal": "*", "NotAction": "execute-api:ManageConnections",
                 "Resource": "*"}}""";
        assertThat(evaluate(notAction, request("GET", "/x"))).isEqualTo(ALLOW);
        String notInvoke = """
                {"Statement": {"Effect": "Allow", "Principal": "*", "NotAction": "execute-api:Inv*",
                 "Resource": "*"}}""";
        assertThat(evaluate(notInvoke, request("GET", "/x"))).isEqualTo(IMPLICIT_DENY);
    }

    @Test
    void principalsByAccountRootArnUserArnAndRoleOfASession() throws Exception {
        RequestFacts anonymous = request("GET", "/x");
        RequestFacts alice = anonymous.withCaller(ALICE);
        RequestFacts session = anonymous.withCaller(ROLE_SESSION);
        String byAccount = principalPolicy("\"123456789012\"");
        String byRoot = principalPolicy("\"arn:aws:iam::123456789012:root\"");
        String byUser = principalPolicy("\"arn:aws:iam::123456789012:user/alice\"");
        String byRole = principalPolicy("[\"arn:aws:iam::123456789012:role/reader\"]");
        String everyone = principalPolicy("\"*\"");
        assertThat(evaluate(byAccount, alice)).isEqualTo(ALLOW);
        assertThat(evaluate(byAccount, anonymous)).isEqualTo(IMPLICIT_DENY);
        assertThat(evaluate(byRoot, session)).isEqualTo(ALLOW);
        assertThat(evaluate(byUser, alice)).isEqualTo(ALLOW);
        assertThat(evaluate(byUser, session)).isEqualTo(IMPLICIT_DENY);
        assertThat(evaluate(byRole, session)).isEqualTo(ALLOW);
        assertThat(evaluate(byRole, alice)).isEqualTo(IMPLICIT_DENY);
        assertThat(evaluate(everyone, anonymous)).isEqualTo(ALLOW);
        assertThat(evaluate(byAccount, anonymous.withCaller(new CallerPrincipal("210987654321",
                "arn:aws:iam::210987654321:user/bob")))).isEqualTo(IMPLICIT_DENY);
        String service = "{\"Statement\": {\"Effect\": \"Allow\", "
                + "\"Principal\": {\"Service\": \"lambda.amazonaws.com\"}, \"Action\": \"*\", \"Resource\": \"*\"}}";
        assertThat(evaluate(service, alice)).isEqualTo(IMPLICIT_DENY);
    }

    @Test
    void notPrincipalDeniesEveryoneElseIncludingAnonymous() throws Exception {
        String policy = """
                {"Statement": [
                  {"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"},
                  {"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::123456789012:user/alice"}, "Action": "*",
                   "Resource": "*"}]}""";
        RequestFacts anonymous = request("GET", "/x");
        assertThat(evaluate(policy, anonymous.withCaller(ALICE))).isEqualTo(ALLOW);
        assertThat(evaluate(policy, anonymous)).isEqualTo(EXPLICIT_DENY);
        assertThat(evaluate(policy, anonymous.withCaller(ROLE_SESSION))).isEqualTo(EXPLICIT_DENY);
    }

    private static String principalPolicy(String aws) {
        return "{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": {\"AWS\": " + aws + "},"
                + " \"Action\": \"execute-api:Invoke\", \"Resource\": \"*\"}}";
    }
}
