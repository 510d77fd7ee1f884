package dev.turnpike.runtime.auth.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.runtime.response.GatewayResponseType;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** AWS's Tables A and B ("How API Gateway resource policies affect authorization workflow"), row by row. */
class AccessDecisionTest {

    private static final String ARN = "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets";
    private static final RequestFacts ANONYMOUS = new RequestFacts(RequestFacts.INVOKE, ARN, null, "192.0.2.1",
            null, null);
    private static final CallerPrincipal SAME_ACCOUNT = PolicyEvaluationTest.ALICE;
    private static final CallerPrincipal OTHER_ACCOUNT = new CallerPrincipal("210987654321",
            "arn:aws:iam::210987654321:user/bob");

    /** A policy that says {@code result} for every request: Allow, Deny, or neither (it speaks of another API). */
    private static PolicyDocument saying(String result) throws PolicyParseException {
        String effect = result.equals("Deny") ? "Deny" : "Allow";
        String resource = result.equals("Neither") ? "arn:aws:execute-api:us-east-1:123456789012:other/*" : "*";
        return PolicyDocument.parse("{\"Statement\": {\"Effect\": \"" + effect + "\", \"Principal\": \"*\","
                + " \"Action\": \"execute-api:Invoke\", \"Resource\": \"" + resource + "\"}}");
    }

    private static PolicyDocument authorizerSaying(String result) throws PolicyParseException {
        String effect = result.equals("Deny") ? "Deny" : "Allow";
        String resource = result.equals("Neither") ? "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/POST/*"
                : ARN;
        return PolicyDocument.parse("{\"Version\": \"2012-10-17\", \"Statement\": [{\"Action\": "
                + "\"execute-api:Invoke\", \"Effect\": \"" + effect + "\", \"Resource\": \"" + resource + "\"}]}");
    }

    private static String outcome(Optional<AccessDenial> denial) {
        if (denial.isEmpty()) {
            return "Allow";
        }
        return denial.get().message().endsWith("with an explicit deny") ? "Explicit Deny" : "Implicit Deny";
    }

    @ParameterizedTest(name = "same account: IAM {0}, resource policy {1} -> {2}")
    @CsvSource({
        "Allow, Allow, Allow",
        "Allow, Neither, Allow",
        "Allow, Deny, Explicit Deny",
        "Neither, Allow, Allow",
        "Neither, Neither, Implicit Deny",
        "Neither, Deny, Explicit Deny",
        "Deny, Allow, Explicit Deny",
        "Deny, Neither, Explicit Deny",
        "Deny, Deny, Explicit Deny"})
    void tableAForIam(String identity, String resource, String expected) throws Exception {
        RequestFacts facts = ANONYMOUS.withCaller(SAME_ACCOUNT);
        assertThat(outcome(AccessDecision.withIam(saying(resource), saying(identity), facts))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "other account: IAM {0}, resource policy {1} -> {2}")
    @CsvSource({
        "Allow, Allow, Allow",
        "Allow, Neither, Implicit Deny",
        "Allow, Deny, Explicit Deny",
        "Neither, Allow, Implicit Deny",
        "Neither, Neither, Implicit Deny",
        "Neither, Deny, Explicit Deny",
        "Deny, Allow, Explicit Deny",
        "Deny, Neither, Explicit Deny",
        "Deny, Deny, Explicit Deny"})
    void tableBForIam(String identity, String resource, String expected) throws Exception {
        RequestFacts facts = ANONYMOUS.withCaller(OTHER_ACCOUNT);
        assertThat(outcome(AccessDecision.withIam(saying(resource), saying(identity), facts))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "Lambda authorizer {0}, resource policy {1} -> {2}")
    @CsvSource({
        "Allow, Allow, Allow",
        "Allow, Neither, Allow",
        "Allow, Deny, Explicit Deny",
        "Neither, Allow, Allow",
        "Neither, Neither, Implicit Deny",
        "Neither, Deny, Explicit Deny",
        "Deny, Allow, Explicit Deny",
        "Deny, Neither, Explicit Deny",
        "Deny, Deny, Explicit Deny"})
    void tableAForLambdaAuthorizers(String authorizer, String resource, String expected) throws Exception {
        assertThat(outcome(AccessDecision.withLambdaAuthorizer(saying(resource), authorizerSaying(authorizer),
                ANONYMOUS))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "resource policy {0} -> {1}")
    @CsvSource({"Allow, Allow", "Neither, Implicit Deny", "Deny, Explicit Deny"})
    void noAuthorizationAndCognitoNeedTheResourcePolicysAllow(String resource, String expected) throws Exception {
        assertThat(outcome(AccessDecision.resourcePolicyOnly(saying(resource), ANONYMOUS))).isEqualTo(expected);
        assertThat(outcome(AccessDecision.withCognito(saying(resource), ANONYMOUS))).isEqualTo(expected);
    }

    @Test
    void withoutAResourcePolicyTheMethodsOwnAuthorizationDecides() throws Exception {
        assertThat(AccessDecision.resourcePolicyOnly(null, ANONYMOUS)).isEmpty();
        assertThat(AccessDecision.withCognito(null, ANONYMOUS)).isEmpty();
        assertThat(AccessDecision.beforeAuthorizer(null, ANONYMOUS)).isEmpty();
        assertThat(outcome(AccessDecision.withLambdaAuthorizer(null, authorizerSaying("Allow"), ANONYMOUS)))
                .isEqualTo("Allow");
        assertThat(outcome(AccessDecision.withLambdaAuthorizer(null, authorizerSaying("Neither"), ANONYMOUS)))
                .isEqualTo("Implicit Deny");
        RequestFacts otherAccount = ANONYMOUS.withCaller(OTHER_ACCOUNT);
        assertThat(outcome(AccessDecision.withIam(null, saying("Allow"), otherAccount))).isEqualTo("Allow");
        assertThat(outcome(AccessDecision.withIam(null, null, otherAccount))).isEqualTo("Implicit Deny");
    }

    @Test
    void onlyAnExplicitDenyStopsARequestBeforeTheAuthorizer() throws Exception {
        assertThat(outcome(AccessDecision.beforeAuthorizer(saying("Deny"), ANONYMOUS))).isEqualTo("Explicit Deny");
        assertThat(AccessDecision.beforeAuthorizer(saying("Neither"), ANONYMOUS)).isEmpty();
        assertThat(AccessDecision.beforeAuthorizer(saying("Allow"), ANONYMOUS)).isEmpty();
    }

    @Test
    void awsWordingForEachDenial() throws Exception {
        assertThat(AccessDecision.resourcePolicyOnly(saying("Deny"), ANONYMOUS)).get().satisfies(denial -> {
            assertThat(denial.status()).isEqualTo(403);
            assertThat(denial.errorType()).isEqualTo("AccessDeniedException");
            assertThat(denial.bodyKey()).isEqualTo("Message");
            assertThat(denial.message()).isEqualTo("User: anonymous is not authorized to perform: execute-api:Invoke"
                    + " on resource: arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets with an explicit"
                    + " deny");
            assertThat(denial.toGatewayError().type()).isEqualTo(GatewayResponseType.ACCESS_DENIED);
            assertThat(denial.toGatewayError().messageOrDefault()).isEqualTo(denial.message());
        });
        assertThat(AccessDecision.resourcePolicyOnly(saying("Neither"), ANONYMOUS).orElseThrow().message())
                .isEqualTo("User: anonymous is not authorized to perform: execute-api:Invoke on resource: "
                        + "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets");
        assertThat(AccessDecision.withLambdaAuthorizer(saying("Neither"), authorizerSaying("Deny"), ANONYMOUS)
                .orElseThrow().message())
                .isEqualTo("User is not authorized to access this resource with an explicit deny");
        assertThat(AccessDecision.withLambdaAuthorizer(saying("Neither"), authorizerSaying("Neither"), ANONYMOUS)
                .orElseThrow().message()).isEqualTo("User is not authorized to access this resource");
        assertThat(AccessDecision.withIam(saying("Neither"), saying("Deny"), ANONYMOUS.withCaller(OTHER_ACCOUNT))
                .orElseThrow().message()).isEqualTo("User: arn:aws:iam::210987654321:user/bob is not authorized to "
                        + "perform: execute-api:Invoke on resource: "
                        + "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets with an explicit deny");
    }
}
