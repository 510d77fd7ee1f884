package dev.turnpike.runtime.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.runtime.http.Headers;
import dev.turnpike.runtime.response.GatewayResponseType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Requests signed by the AWS SDK v2 signer for {@code execute-api} are accepted; tampered ones are refused. */
class SigV4SdkSignerTest {
    private static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final String SESSION_KEY = "ASIAIOSFODNN7EXAMPLE";
    private static final String SESSION_TOKEN = "FwoGZXIvYXdzEXAMPLE//token+with/slashes==";
    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
    private static final String MISMATCH = "The request signature we calculated does not match the signature you "
            + "provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for "
            + "details.\n\nThe Canonical String for this request should have been\n'";

    private final IamPrincipal user = new IamPrincipal(ACCESS_KEY, SECRET, null, "111122223333",
            "arn:aws:iam::111122223333:user/alice", "AIDAEXAMPLEUSERID0001");
    private final IamPrincipal temporary = new IamPrincipal(SESSION_KEY, SECRET, SESSION_TOKEN, "111122223333",
            "arn:aws:sts::111122223333:assumed-role/reader/session", "AROAEXAMPLEROLEID0001:session");
    private final SigV4Verifier verifier =
            SigV4Verifier.forExecuteApi(IamCredentials.of(user, temporary), SdkSigner.REGION);
    private final SdkSigner sdk = SdkSigner.withKey(ACCESS_KEY, SECRET);

    @Test
    void getWithStagePathAndQueryIsVerified() {
        SignedRequest request = sdk.sign("GET", "/prod/pets/7", Map.of("type", List.of("dog cat"), "page",
                List.of("2", "1")), Map.of("Accept", "application/json"), "", NOW);

        assertThat(verifier.verify(request, NOW)).isEqualTo(new SigV4Result.Verified(user));
    }

    @Test
    void postWithJsonBodyIsVerified() {
        SignedRequest request = sdk.sign("POST", "/prod/pets", Map.of(),
                Map.of("Content-Type", "application/json"), "{\"name\":\"Rex\"}", NOW);

        assertThat(verifier.verify(request, NOW)).isEqualTo(new SigV4Result.Verified(user));
    }

    @Test
    void encodedAndNonAsciiPathIsVerified() {
        SignedRequest request = sdk.sign("GET", "/prod/files/a%2Fb/caf%C3%A9%20menu", Map.of(), Map.of(), "", NOW);

        assertThat(verifier.verify(request, NOW)).isEqualTo(new SigV4Result.Verified(user));
    }

    @Test
    void presignedUrlIsVerifiedUntilItExpires() {
        SignedRequest request = sdk.presign("GET", "/prod/pets", Map.of("limit", List.of("10")), NOW,
                Duration.ofMinutes(15));

        assertThat(verifier.verify(request, NOW.plus(Duration.ofMinutes(15))))
                .isEqualTo(new SigV4Result.Verified(user));
        assertThat(verifier.verify(request, NOW.plus(Duration.ofMinutes(15)).plusSeconds(1)))
                .isEqualTo(new SigV4Failure(403, "Signature expired: 20261125T101530Z is now earlier than "
                        + "20261125T101531Z (20261125T103031Z - 15 min.)", "InvalidSignatureException",
                        GatewayResponseType.EXPIRED_TOKEN));
    }

    @Test
    void sessionCredentialsAreVerifiedInBothForms() {
        SdkSigner session = SdkSigner.withSessionKey(SESSION_KEY, SECRET, SESSION_TOKEN);

        assertThat(verifier.verify(session.sign("GET", "/prod/pets", Map.of(), Map.of(), "", NOW), NOW))
                .isEqualTo(new SigV4Result.Verified(temporary));
        assertThat(verifier.verify(session.presign("GET", "/prod/pets", Map.of(), NOW, Duration.ofMinutes(5)), NOW))
                .isEqualTo(new SigV4Result.Verified(temporary));
    }

    @Test
    void tamperedBodyIsRefusedWithTheCanonicalStringAwsExpected() {
        SignedRequest signed = sdk.sign("POST", "/prod/pets", Map.of(), Map.of(), "{\"name\":\"Rex\"}", NOW);
        SignedRequest tampered = withBody(signed, "{\"name\":\"Max\"}");

        SigV4Failure failure = (SigV4Failure) verifier.verify(tampered, NOW);

        // The SDK signs the hash it sent as x-amz-content-sha256; AWS still hashes the body it received.
        String canonical = "POST\n/prod/pets\n\nhost:" + SdkSigner.HOST + "\nx-amz-content-sha256:"
                + signed.bodySha256Hex() + "\nx-amz-date:20261125T101530Z\n\nhost;x-amz-content-sha256;x-amz-date\n"
                + SignedRequest.sha256Hex("{\"name\":\"Max\"}".getBytes(StandardCharsets.UTF_8));
        String stringToSign = "AWS4-HMAC-SHA256\n20261125T101530Z\n20261125/us-east-1/execute-api/aws4_request\n"
                + SigningKeys.sha256Hex(canonical);
        assertThat(failure).isEqualTo(new SigV4Failure(403, MISMATCH + canonical
                + "'\n\nThe String-to-Sign should have been\n'" + stringToSign + "'\n", "InvalidSignatureException",
                GatewayResponseType.INVALID_SIGNATURE));
    }

    @Test
    void tamperedSignedHeaderQueryPathOrDateIsRefused() {
        SignedRequest signed = sdk.sign("GET", "/prod/pets/7", Map.of("page", List.of("1")),
                Map.of("X-Tenant", "blue"), "", NOW);
        Headers otherTenant = signed.headers().copy().set("X-Tenant", "red");
        Headers otherDate = signed.headers().copy().set("X-Amz-Date", "20261125T101531Z");

        assertMismatch(new SignedRequest("GET", "/prod/pets/7", signed.rawQuery(), otherTenant,
                signed.bodySha256Hex()));
        assertMismatch(new SignedRequest("GET", "/prod/pets/7", "page=2", signed.headers(), signed.bodySha256Hex()));
        assertMismatch(new SignedRequest("GET", "/prod/pets/8", signed.rawQuery(), signed.headers(),
                signed.bodySha256Hex()));
        assertMismatch(new SignedRequest("DELETE", "/prod/pets/7", signed.rawQuery(), signed.headers(),
                signed.bodySha256Hex()));
        assertMismatch(new SignedRequest("GET", "/prod/pets/7", signed.rawQuery(), otherDate, signed.bodySha256Hex()));
    }

    @Test
    void wrongSecretIsRefused() {
        SignedRequest request = SdkSigner.withKey(ACCESS_KEY, "not-the-secret").sign("GET", "/prod/pets", Map.of(),
                Map.of(), "", NOW);

        assertMismatch(request);
    }

    @Test
    void tamperedPresignedQueryIsRefused() {
        SignedRequest signed = sdk.presign("GET", "/prod/pets", Map.of("limit", List.of("10")), NOW,
                Duration.ofMinutes(5));
        String tampered = signed.rawQuery().replace("limit=10", "limit=1000");

        assertMismatch(new SignedRequest("GET", "/prod/pets", tampered, signed.headers(), signed.bodySha256Hex()));
    }

    @Test
    void derivedSigningKeysAreCachedPerDay() {
        SigningKeys keys = new SigningKeys();
        CredentialScope today = new CredentialScope(ACCESS_KEY, "20261125", "us-east-1", "execute-api", "aws4_request");
        CredentialScope tomorrow = new CredentialScope(ACCESS_KEY, "20261126", "us-east-1", "execute-api",
                "aws4_request");

        byte[] first = keys.signingKey(SECRET, today);
        assertThat(keys.signingKey(SECRET, today)).isSameAs(first);
        assertThat(keys.signingKey(SECRET, tomorrow)).isNotEqualTo(first);
        assertThat(keys.size()).isEqualTo(2);
    }

    private void assertMismatch(SignedRequest request) {
        assertThat(verifier.verify(request, NOW)).isInstanceOfSatisfying(SigV4Failure.class, failure -> {
            assertThat(failure.status()).isEqualTo(403);
            assertThat(failure.errorType()).isEqualTo("InvalidSignatureException");
            assertThat(failure.message()).startsWith(MISMATCH);
        });
    }

    private static SignedRequest withBody(SignedRequest request, String body) {
        return new SignedRequest(request.method(), request.rawPath(), request.rawQuery(), request.headers(),
                SignedRequest.sha256Hex(body.getBytes(StandardCharsets.UTF_8)));
    }
}
