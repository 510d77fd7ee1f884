package dev.turnpike.runtime.auth.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class PolicyParseTest {

    @Test
    void statementAsObjectOrArrayAndValuesAsStringOrArray() throws Exception {
        PolicyDocument single = PolicyDocument.parse("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "execute-api:Invoke",
                 "Resource": "*"}}""");
        PolicyDocument array = PolicyDocument.parse("""
                {"Statement": [{"Sid": "a", "Effect": "Deny", "NotAction": ["s3:*", "sqs:*"],
                 "NotResource": ["arn:aws:s3:::x"], "Principal": {"AWS": ["123456789012", "*"]}}]}""");
        assertThat(single.version()).isEqualTo("2012-10-17");
        assertThat(single.statements()).singleElement().satisfies(s -> {
            assertThat(s.effect()).isEqualTo(Statement.Effect.ALLOW);
            assertThat(s.actions()).containsExactly("execute-api:Invoke");
            assertThat(s.principals()).isNull();
        });
        assertThat(array.statements()).singleElement().satisfies(s -> {
            assertThat(s.sid()).isEqualTo("a");
            assertThat(s.notAction()).isTrue();
            assertThat(s.actions()).containsExactly("s3:*", "sqs:*");
            assertThat(s.notResource()).isTrue();
            assertThat(s.principals()).hasSize(2);
        });
        assertThat(array.problems()).isEmpty();
    }

    @Test
    void fromAnAlreadyParsedObjectAsAuthorizersReturnIt() throws Exception {
        var json = Json.createReader(new StringReader("""
                {"Version": "2012-10-17", "Statement": [{"Action": "execute-api:Invoke", "Effect": "Allow",
                 "Resource": "arn:aws:execute-api:us-east-1:123456789012:abc/prod/GET/*"}]}""")).readObject();
        assertThat(PolicyDocument.from(json).statements()).hasSize(1);
    }

    @Test
    void notJsonOrNotAnObject() {
        assertThatThrownBy(() -> PolicyDocument.parse("Allow everyone"))
                .isInstanceOf(PolicyParseException.class)
                .hasMessageStartingWith("invalid policy document: the policy document is not JSON: ");
        assertThatThrownBy(() -> PolicyDocument.parse("[1]"))
                .hasMessage("invalid policy document: the policy document must be a JSON object, not array");
        assertThatThrownBy(() -> PolicyDocument.parse(" "))
                .hasMessage("invalid policy document: the policy document is empty");
    }

    @Test
    void everyProblemIsReportedWithItsPlace() {
        assertThatThrownBy(() -> PolicyDocument.parse("""
                {"Version": "2020-01-01", "Extra": 1, "Statement": [
                  {"Effect": "allow", "Action": "execute-api:Invoke"},
                  {"Effect": "Deny", "Action": 7, "NotAction": "x", "Resource": [], "Principal": "me"},
                  {"Effect": "Allow", "Action": "a", "Resource": "*",
                   "Condition": {"IpAddress": {"aws:SourceIp": ["10.0.0.0/33", "example.com"]}}},
                  "text"]}"""))
                .isInstanceOf(PolicyParseException.class)
                .hasMessage("invalid policy document: Extra: not a policy element; "
                        + "Version: must be 2012-10-17 or 2008-10-17, not \"2020-01-01\"; "
                        + "Statement[0].Effect: must be Allow or Deny, not \"allow\"; "
                        + "Statement[0]: needs Resource or NotResource; "
                        + "Statement[1]: has both Action and NotAction; "
                        + "Statement[1].Resource: must not be empty; "
                        + "Statement[1].Principal: must be \"*\" or an object such as {\"AWS\": \"123456789012\"}, "
                        + "not \"me\"; "
                        + "Statement[2].Condition.IpAddress.aws:SourceIp: not an IP address or CIDR block: "
                        + "'10.0.0.0/33'; "
                        + "Statement[2].Condition.IpAddress.aws:SourceIp: not an IP address or CIDR block: "
                        + "'example.com'; "
                        + "Statement[3]: must be an object");
    }

    @Test
    void missingStatementAndBadPrincipalType() {
        assertThatThrownBy(() -> PolicyDocument.parse("{\"Version\": \"2012-10-17\"}"))
                .hasMessage("invalid policy document: Statement: missing");
        assertThatThrownBy(() -> PolicyDocument.parse("""
                {"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*", "Principal": {"Anyone": "*"},
                 "Condition": "yes"}}"""))
                .hasMessage("invalid policy document: "
                        + "Statement.Principal.Anyone: not a principal type (AWS, Service, Federated, CanonicalUser); "
                        + "Statement.Condition: must be an object of operators");
    }

    @Test
    void unsupportedOperatorsAndKeysAreProblemsNotFailures() throws Exception {
        PolicyDocument policy = PolicyDocument.parse("""
                {"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*",
                 "Condition": {"DateGreaterThan": {"aws:CurrentTime": "2020-01-01T00:00:00Z"}}}}""");
        assertThat(policy.problems()).containsExactly(
                "Statement.Condition.DateGreaterThan: condition operator not supported by Turnpike; the statement "
                        + "fails closed (an Allow never matches, a Deny always does)",
                "Statement.Condition.DateGreaterThan.aws:CurrentTime: condition key not known to Turnpike; "
                        + "no request has it");
    }
}
