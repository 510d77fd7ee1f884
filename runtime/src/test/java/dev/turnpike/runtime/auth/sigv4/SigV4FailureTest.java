package dev.turnpike.runtime.auth.sigv4;

import static dev.turnpike.runtime.response.GatewayResponseType.ACCESS_DENIED;
import static dev.turnpike.runtime.response.GatewayResponseType.EXPIRED_TOKEN;
import static dev.turnpike.runtime.response.GatewayResponseType.INVALID_SIGNATURE;
import static dev.turnpike.runtime.response.GatewayResponseType.MISSING_AUTHENTICATION_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.runtime.http.Headers;
import dev.turnpike.runtime.response.GatewayError;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each way a signature is refused, with the whole answer AWS gives. */
class SigV4FailureTest {
    private static final Instant SIGNED_AT = Instant.parse("2015-08-30T12:36:00Z");
    private static final String AMZ_DATE = "20150830T123600Z";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final String CREDENTIAL = "AKIDEXAMPLE/20150830/us-east-1/execute-api/aws4_request";
    private static final String GOOD_SIGNATURE = "0".repeat(64);

    private final SigV4Verifier verifier = SigV4Verifier.forExecuteApi(IamCredentials.of(new IamPrincipal(
            "AKIDEXAMPLE", SECRET, null, "123456789012", "arn:aws:iam::123456789012:user/example",
            "AIDAEXAMPLEEXAMPLE001")), "us-east-1");

    @Test
    void noSignatureAtAllIsAMissingAuthenticationToken() {
        thenFailure(request(new Headers().add("Host", "h")), SIGNED_AT,
                new SigV4Failure(403, "Missing Authentication Token", "MissingAuthenticationTokenException",
                        MISSING_AUTHENTICATION_TOKEN));
    }

    @Test
    void headerAndPresignedQueryTogetherAreRefused() {
        SignedRequest request = new SignedRequest("GET", "/prod/pets", "X-Amz-Algorithm=AWS4-HMAC-SHA256",
                headers("AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ", SignedHeaders=host, Signature=ab"),
                SignedRequest.EMPTY_BODY_SHA256);

        thenInvalid(request,
                "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.");
    }

    @Test
    void aTokenThatIsNoSignatureIsEchoedWithEveryMissingPart() {
        Headers headers = new Headers().add("Host", "h").add("Authorization", "eyJhbGciOiJIUzI1NiJ9.e30.sig");

        thenIncomplete(request(headers), "Authorization header requires 'Credential' parameter. "
                + "Authorization header requires 'Signature' parameter. "
                + "Authorization header requires 'SignedHeaders' parameter. "
                + "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. "
                + "Authorization=eyJhbGciOiJIUzI1NiJ9.e30.sig");
    }

    @Test
    void missingCredentialPartsAreAllNamed() {
        thenIncomplete(request(headers("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE")),
                "Authorization header requires 'Signature' parameter. "
                        + "Authorization header requires 'SignedHeaders' parameter. "
                        + "Authorization=AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE");
    }

    @Test
    void aPartWithoutEqualsSignIsRefused() {
        thenIncomplete(request(headers("AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ", SignedHeaders, Signature=ab")),
                "'SignedHeaders' not a valid key=value pair (missing equal-sign) in Authorization header: "
                        + "'AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ", SignedHeaders, Signature=ab'.");
    }

    @Test
    void aDateNotInBasicFormatIsRefused() {
        Headers headers = headers(authorization("host;x-amz-date", GOOD_SIGNATURE)).set("X-Amz-Date",
                "2015-08-30T12:36:00Z");

        thenIncomplete(request(headers), "Date must be in ISO-8601 'basic format'. Got '2015-08-30T12:36:00Z'. "
                + "See http://en.wikipedia.org/wiki/ISO_8601");
    }

    @Test
    void aSignatureOlderThanFiveMinutesHasExpired() {
        thenFailure(request(headers(authorization("host;x-amz-date", GOOD_SIGNATURE))),
                SIGNED_AT.plus(Duration.ofMinutes(10)),
                new SigV4Failure(403, "Signature expired: 20150830T123600Z is now earlier than 20150830T124100Z "
                        + "(20150830T124600Z - 5 min.)", "InvalidSignatureException", EXPIRED_TOKEN));
    }

    @Test
    void aSignatureFromMoreThanFiveMinutesAheadIsNotYetCurrent() {
        thenFailure(request(headers(authorization("host;x-amz-date", GOOD_SIGNATURE))),
                SIGNED_AT.minus(Duration.ofMinutes(6)),
                new SigV4Failure(403, "Signature not yet current: 20150830T123600Z is still later than "
                        + "20150830T123500Z (20150830T123000Z + 5 min.)", "InvalidSignatureException",
                        INVALID_SIGNATURE));
    }

    @Test
    void theHostMustBeSigned() {
        thenInvalid(request(headers(authorization("x-amz-date", GOOD_SIGNATURE))),
                "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    }

    @Test
    void onlyHmacSha256IsSupported() {
        Headers headers = headers(authorization("host;x-amz-date", GOOD_SIGNATURE)
                .replace("AWS4-HMAC-SHA256", "AWS4-ECDSA-P256-SHA256"));

        thenIncomplete(request(headers),
                "Unsupported AWS 'algorithm': 'AWS4-ECDSA-P256-SHA256' (only AWS4-HMAC-SHA256 for now). ");
    }

    @Test
    void aCredentialNeedsFiveParts() {
        Headers headers = headers("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1, "
                + "SignedHeaders=host;x-amz-date, Signature=" + GOOD_SIGNATURE);

        thenIncomplete(request(headers), "Credential must have exactly 5 slash-delimited elements, "
                + "e.g. keyid/date/region/service/term, got 'AKIDEXAMPLE/20150830/us-east-1'");
    }

    @Test
    void everyScopeMismatchIsNamed() {
        Headers headers = headers("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150829/eu-west-1/s3/aws5_request, "
                + "SignedHeaders=host;x-amz-date, Signature=" + GOOD_SIGNATURE);

        thenInvalid(request(headers), "Credential should be scoped to a valid region, not 'eu-west-1'. "
                + "Credential should be scoped to correct service: 'execute-api'. "
                + "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'. "
                + "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: "
                + "'20150829' != '20150830', from '20150830T123600Z'.");
    }

    @Test
    void theServiceAloneMismatchingIsNamedAlone() {
        Headers headers = headers(authorization("host;x-amz-date", GOOD_SIGNATURE).replace("execute-api", "lambda"));

        thenInvalid(request(headers), "Credential should be scoped to correct service: 'execute-api'. ");
    }

    @Test
    void anUnknownAccessKeyIsAnUnrecognizedClient() {
        Headers headers = headers(authorization("host;x-amz-date", GOOD_SIGNATURE).replace("AKIDEXAMPLE", "AKIDOTHER"));

        thenFailure(request(headers), SIGNED_AT, new SigV4Failure(403,
                "The security token included in the request is invalid.", "UnrecognizedClientException",
                ACCESS_DENIED));
    }

    @Test
    void aSignatureThatIsNotHexOrIsBase64OnlyMismatches() {
        String canonical = "GET\n/prod/pets\n\nhost:h\nx-amz-date:" + AMZ_DATE + "\n\nhost;x-amz-date\n"
                + SignedRequest.EMPTY_BODY_SHA256;
        String stringToSign = "AWS4-HMAC-SHA256\n" + AMZ_DATE + "\n20150830/us-east-1/execute-api/aws4_request\n"
                + SigningKeys.sha256Hex(canonical);
        String message = "The request signature we calculated does not match the signature you provided. Check your "
                + "AWS Secret Access Key and signing method. Consult the service documentation for details.\n\n"
                + "The Canonical String for this request should have been\n'" + canonical + "'\n\n"
                + "The String-to-Sign should have been\n'" + stringToSign + "'\n";

        for (String signature : new String[] {"zz" + "0".repeat(62), "q8ZQ1Qy0bWpl+/hw7Ii0fk1hYBLwWBzx2Z8WwOj1cHk=",
                "\u00e9\u0000\uffff"}) {
            thenInvalid(request(headers(authorization("host;x-amz-date", signature))), message);
        }
    }

    @Test
    void aSessionTokenForAKeyWithoutOneIsRefused() {
        SignedRequest signed = SdkSigner.withSessionKey("AKIDEXAMPLE", SECRET, "some-token").sign("GET",
                "/prod/pets", Map.of(), Map.of(), "", SIGNED_AT);

        thenFailure(signed, SIGNED_AT, new SigV4Failure(403, "The security token included in the request is invalid",
                "UnrecognizedClientException", ACCESS_DENIED));
    }

    @Test
    void aTemporaryKeyWithoutItsTokenIsRefused() {
        SigV4Verifier temporaryKeys = SigV4Verifier.forExecuteApi(IamCredentials.of(new IamPrincipal("AKIDEXAMPLE",
                SECRET, "the-token", "123456789012", "arn:aws:sts::123456789012:assumed-role/r/s", "AROAEXAMPLE:s")),
                "us-east-1");
        SignedRequest unsigned = SdkSigner.withKey("AKIDEXAMPLE", SECRET).sign("GET", "/prod/pets", Map.of(),
                Map.of(), "", SIGNED_AT);
        SignedRequest wrongToken = SdkSigner.withSessionKey("AKIDEXAMPLE", SECRET, "other-token").sign("GET",
                "/prod/pets", Map.of(), Map.of(), "", SIGNED_AT);

        for (SignedRequest request : new SignedRequest[] {unsigned, wrongToken}) {
            assertThat(temporaryKeys.verify(request, SIGNED_AT)).isEqualTo(new SigV4Failure(403,
                    "The security token included in the request is invalid", "UnrecognizedClientException",
                    ACCESS_DENIED));
        }
    }

    @Test
    void aPresignedQueryNamesEveryMissingParameter() {
        SignedRequest request = new SignedRequest("GET", "/prod/pets", "X-Amz-Algorithm=&X-Amz-Date=" + AMZ_DATE,
                new Headers().add("Host", "h"), SignedRequest.EMPTY_BODY_SHA256);

        thenIncomplete(request, "AWS query-string parameters must include 'X-Amz-Algorithm'. "
                + "AWS query-string parameters must include 'X-Amz-Credential'. "
                + "AWS query-string parameters must include 'X-Amz-Signature'. "
                + "AWS query-string parameters must include 'X-Amz-SignedHeaders'. "
                + "Re-examine the query-string parameters.");
    }

    @Test
    void aPresignedUrlPastItsExpiryHasExpired() {
        SignedRequest request = presigned("60");

        thenFailure(request, SIGNED_AT.plus(Duration.ofMinutes(2)), new SigV4Failure(403,
                "Signature expired: 20150830T123600Z is now earlier than 20150830T123700Z (20150830T123800Z - 1 min.)",
                "InvalidSignatureException", EXPIRED_TOKEN));
    }

    @Test
    void aPresignedExpiryThatIsNoNumberOfSecondsIsRefused() {
        thenIncomplete(presigned("1e3"),
                "X-Amz-Expires must be a whole number of seconds from 1 to 604800. Got '1e3'.");
        thenIncomplete(presigned("604801"),
                "X-Amz-Expires must be a whole number of seconds from 1 to 604800. Got '604801'.");
    }

    @Test
    void a64KilobyteAuthorizationHeaderIsAnsweredNotThrown() {
        String huge = "AWS4-HMAC-SHA256 Credential=" + "A".repeat(64 * 1024);

        thenIncomplete(request(headers(huge)), "Authorization header requires 'Signature' parameter. "
                + "Authorization header requires 'SignedHeaders' parameter. Authorization=" + huge);
    }

    @Test
    void aFailureBecomesTheGatewayErrorWithAwsStatusAndMessage() {
        SigV4Failure failure = new SigV4Failure(403, "m", "IncompleteSignatureException", INVALID_SIGNATURE);

        assertThat(failure.toGatewayError()).isEqualTo(
                new GatewayError(INVALID_SIGNATURE, "m", "SigV4 IncompleteSignatureException", null, 403,
                        "IncompleteSignatureException"));
        assertThat(failure.toGatewayError().errorTypeOrDefault()).isEqualTo("IncompleteSignatureException");
    }

    private SignedRequest presigned(String expires) {
        String query = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1"
                + "%2Fexecute-api%2Faws4_request&X-Amz-Date=" + AMZ_DATE + "&X-Amz-Expires=" + expires
                + "&X-Amz-SignedHeaders=host&X-Amz-Signature=" + GOOD_SIGNATURE;
        return new SignedRequest("GET", "/prod/pets", query, new Headers().add("Host", "h"),
                SignedRequest.EMPTY_BODY_SHA256);
    }

    private static String authorization(String signedHeaders, String signature) {
        return "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ", SignedHeaders=" + signedHeaders + ", Signature="
                + signature;
    }

    private static Headers headers(String authorization) {
        return new Headers().add("Host", "h").add("X-Amz-Date", AMZ_DATE).add("Authorization", authorization);
    }

    private static SignedRequest request(Headers headers) {
        return new SignedRequest("GET", "/prod/pets", null, headers, SignedRequest.EMPTY_BODY_SHA256);
    }

    private void thenIncomplete(SignedRequest request, String message) {
        thenFailure(request, SIGNED_AT, new SigV4Failure(403, message, "IncompleteSignatureException",
                INVALID_SIGNATURE));
    }

    private void thenInvalid(SignedRequest request, String message) {
        thenFailure(request, SIGNED_AT, new SigV4Failure(403, message, "InvalidSignatureException",
                INVALID_SIGNATURE));
    }

    private void thenFailure(SignedRequest request, Instant now, SigV4Failure expected) {
        assertThat(verifier.verify(request, now)).isEqualTo(expected);
    }
}
