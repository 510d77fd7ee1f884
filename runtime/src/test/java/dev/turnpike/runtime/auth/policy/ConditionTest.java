package dev.turnpike.runtime.auth.policy;

import static dev.turnpike.runtime.auth.policy.PolicyResult.ALLOW;
import static dev.turnpike.runtime.auth.policy.PolicyResult.EXPLICIT_DENY;
import static dev.turnpike.runtime.auth.policy.PolicyResult.IMPLICIT_DENY;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConditionTest {

    private static final String ARN = "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/x";

    private static RequestFacts from(String ip, String vpce, String vpc) {
        return new RequestFacts(RequestFacts.INVOKE, ARN, null, ip, vpce, vpc);
    }

    private static PolicyResult allowIf(String condition, RequestFacts facts) throws PolicyParseException {
        return PolicyEvaluation.evaluate(PolicyDocument.parse("{\"Statement\": {\"Effect\": \"Allow\", "
                + "\"Principal\": \"*\", \"Action\": \"*\", \"Resource\": \"*\", \"Condition\": " + condition + "}}"),
                facts);
    }

    private static PolicyResult denyIf(String condition, RequestFacts facts) throws PolicyParseException {
        return PolicyEvaluation.evaluate(PolicyDocument.parse("{\"Statement\": {\"Effect\": \"Deny\", "
                + "\"Principal\": \"*\", \"Action\": \"*\", \"Resource\": \"*\", \"Condition\": " + condition + "}}"),
                facts);
    }

    @Test
    void ipv4BlocksIncludeBothEndsAndNothingBeyond() throws Exception {
        String block = "{\"IpAddress\": {\"aws:SourceIp\": [\"192.0.2.0/24\", \"203.0.113.9\"]}}";
        assertThat(allowIf(block, from("192.0.2.0", null, null))).isEqualTo(ALLOW);
        assertThat(allowIf(block, from("192.0.2.255", null, null))).isEqualTo(ALLOW);
        assertThat(allowIf(block, from("192.0.3.0", null, null))).isEqualTo(IMPLICIT_DENY);
        assertThat(allowIf(block, from("192.0.1.255", null, null))).isEqualTo(IMPLICIT_DENY);
        assertThat(allowIf(block, from("203.0.113.9", null, null))).isEqualTo(ALLOW);
        assertThat(allowIf(block, from("203.0.113.10", null, null))).isEqualTo(IMPLICIT_DENY);
        assertThat(allowIf(block, from(null, null, null))).isEqualTo(IMPLICIT_DENY);
        assertThat(allowIf(block, from("2001:db8::1", null, null))).isEqualTo(IMPLICIT_DENY);
    }

    @Test
    void ipv6BlocksAndOddPrefixes() throws Exception {
        String block = "{\"IpAddress\": {\"aws:SourceIp\": \"2001:db8:abcd:12::/63\"}}";
        assertThat(allowIf(block, from("2001:db8:abcd:12::1", null, null))).isEqualTo(ALLOW);
        assertThat(allowIf(block, from("2001:db8:abcd:13:ffff:ffff:ffff:ffff", null, null))).isEqualTo(ALLOW);
        assertThat(allowIf(block, from("2001:db8:abcd:14::", null, null))).isEqualTo(IMPLICIT_DENY);
        assertThat(allowIf(block, from("2001:DB8:ABCD:0012:0:0:0:1", null, null))).isEqualTo(ALLOW);
        assertThat(allowIf(block, from("192.0.2.1", null, null))).isEqualTo(IMPLICIT_DENY);
        String odd = "{\"IpAddress\": {\"aws:SourceIp\": \"10.0.0.0/9\"}}";
        assertThat(allowIf(odd, from("10.127.255.255", null, null))).isEqualTo(ALLOW);
        assertThat(allowIf(odd, from("10.128.0.0", null, null))).isEqualTo(IMPLICIT_DENY);
        String everywhere = "{\"IpAddress\": {\"aws:SourceIp\": [\"0.0.0.0/0\", \"::/0\"]}}";
        assertThat(allowIf(everywhere, from("255.255.255.255", null, null))).isEqualTo(ALLOW);
        assertThat(allowIf(everywhere, from("::1", null, null))).isEqualTo(ALLOW);
    }

    @Test
    void notIpAddressHoldsOutsideTheBlocksAndWhenTheKeyIsAbsent() throws Exception {
        String outside = "{\"NotIpAddress\": {\"aws:SourceIp\": [\"192.0.2.0/24\", \"198.51.100.0/24\"]}}";
        assertThat(denyIf(outside, from("203.0.113.1", null, null))).isEqualTo(EXPLICIT_DENY);
        assertThat(denyIf(outside, from("198.51.100.200", null, null))).isEqualTo(IMPLICIT_DENY);
        assertThat(denyIf(outside, from(null, null, null))).isEqualTo(EXPLICIT_DENY);
    }

    @Test
    void stringOperatorsOnVpcKeysWithKeyNamesInAnyCase() throws Exception {
        RequestFacts viaEndpoint = from("10.0.0.5", "vpce-1a2b3c4d", "vpc-2f09a348");
        RequestFacts publicRequest = from("203.0.113.1", null, null);
        String equals = "{\"StringEquals\": {\"aws:sourceVpce\": \"vpce-1a2b3c4d\"}}";
        assertThat(allowIf(equals, viaEndpoint)).isEqualTo(ALLOW);
        assertThat(allowIf(equals, publicRequest)).isEqualTo(IMPLICIT_DENY);
        String notEquals = "{\"StringNotEquals\": {\"aws:SourceVpce\": \"vpce-1a2b3c4d\"}}";
        assertThat(denyIf(notEquals, viaEndpoint)).isEqualTo(IMPLICIT_DENY);
        assertThat(denyIf(notEquals, publicRequest)).isEqualTo(EXPLICIT_DENY);
        assertThat(allowIf("{\"StringEquals\": {\"aws:SourceVpce\": \"VPCE-1A2B3C4D\"}}", viaEndpoint))
                .isEqualTo(IMPLICIT_DENY);
        assertThat(allowIf("{\"StringEqualsIgnoreCase\": {\"aws:SourceVpce\": \"VPCE-1A2B3C4D\"}}", viaEndpoint))
                .isEqualTo(ALLOW);
        assertThat(allowIf("{\"StringLike\": {\"aws:SourceVpc\": \"vpc-2f?9*\"}}", viaEndpoint)).isEqualTo(ALLOW);
        assertThat(allowIf("{\"StringNotLike\": {\"aws:SourceVpc\": \"vpc-2f*\"}}", viaEndpoint))
                .isEqualTo(IMPLICIT_DENY);
        assertThat(allowIf("{\"StringNotLike\": {\"aws:SourceVpc\": \"vpc-2f*\"}}", publicRequest)).isEqualTo(ALLOW);
    }

    @Test
    void ifExistsHoldsWhenTheKeyIsAbsent() throws Exception {
        String ifExists = "{\"StringEqualsIfExists\": {\"aws:SourceVpce\": \"vpce-1\"}}";
        assertThat(allowIf(ifExists, from("203.0.113.1", null, null))).isEqualTo(ALLOW);
        assertThat(allowIf(ifExists, from("10.0.0.1", "vpce-1", "vpc-1"))).isEqualTo(ALLOW);
        assertThat(allowIf(ifExists, from("10.0.0.1", "vpce-2", "vpc-1"))).isEqualTo(IMPLICIT_DENY);
        String ipIfExists = "{\"IpAddressIfExists\": {\"aws:SourceIp\": \"10.0.0.0/8\"}}";
        assertThat(allowIf(ipIfExists, from(null, null, null))).isEqualTo(ALLOW);
        assertThat(allowIf(ipIfExists, from("11.0.0.1", null, null))).isEqualTo(IMPLICIT_DENY);
    }

    @Test
    void everyOperatorAndEveryKeyMustHold() throws Exception {
        String both = """
                {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}, "StringEquals": {"aws:SourceVpce": "vpce-1",
                 "aws:SourceVpc": "vpc-1"}}""";
        assertThat(allowIf(both, from("10.0.0.1", "vpce-1", "vpc-1"))).isEqualTo(ALLOW);
        assertThat(allowIf(both, from("10.0.0.1", "vpce-1", "vpc-2"))).isEqualTo(IMPLICIT_DENY);
        assertThat(allowIf(both, from("11.0.0.1", "vpce-1", "vpc-1"))).isEqualTo(IMPLICIT_DENY);
    }

    @Test
    void principalAccountNullAndArnLike() throws Exception {
        RequestFacts alice = from("10.0.0.1", null, null).withCaller(PolicyEvaluationTest.ALICE);
        assertThat(allowIf("{\"StringEquals\": {\"aws:PrincipalAccount\": \"123456789012\"}}", alice))
                .isEqualTo(ALLOW);
        assertThat(allowIf("{\"StringEquals\": {\"aws:PrincipalAccount\": \"123456789012\"}}",
                from("10.0.0.1", null, null))).isEqualTo(IMPLICIT_DENY);
        assertThat(allowIf("{\"ArnLike\": {\"aws:PrincipalArn\": \"arn:aws:iam::*:user/ali*\"}}", alice))
                .isEqualTo(ALLOW);
        assertThat(allowIf("{\"Null\": {\"aws:SourceVpce\": \"true\"}}", alice)).isEqualTo(ALLOW);
        assertThat(allowIf("{\"Null\": {\"aws:SourceVpce\": \"false\"}}", alice)).isEqualTo(IMPLICIT_DENY);
    }

    @Test
    void anUnsupportedOperatorFailsClosed() throws Exception {
        String unknown = "{\"NumericLessThan\": {\"aws:SourceIp\": \"1\"}}";
        RequestFacts any = from("10.0.0.1", null, null);
        assertThat(allowIf(unknown, any)).isEqualTo(IMPLICIT_DENY);
        assertThat(denyIf(unknown, any)).isEqualTo(EXPLICIT_DENY);
        assertThat(allowIf("{\"ForAnyValue:StringEquals\": {\"aws:SourceVpce\": \"vpce-1\"}}",
                from("10.0.0.1", "vpce-1", null))).isEqualTo(IMPLICIT_DENY);
    }
}
