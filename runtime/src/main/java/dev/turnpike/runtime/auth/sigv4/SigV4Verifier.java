package dev.turnpike.runtime.auth.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Verifies AWS Signature Version 4 on a request to an {@code AWS_IAM} method, as API Gateway does, and names the
 * caller. Both forms are accepted: the {@code Authorization: AWS4-HMAC-SHA256 ...} header and a presigned query
 * string ({@code X-Amz-Algorithm}, {@code X-Amz-Credential}, ...).
 *
 * <p>The checks run in AWS's order, so a request with several faults gets the answer AWS gives: signature present
 * and complete; date well-formed; within 5 minutes of now (a presigned URL: within {@code X-Amz-Expires}); host
 * signed; algorithm; credential scope (region, service, terminator, day); access key known; signature; session
 * token. Never throws on a bad request: every fault is a {@link SigV4Failure}.
 *
 * <p>Thread-safe; one instance serves the whole gateway and caches derived signing keys.
 */
public final class SigV4Verifier {
    /** The service name clients sign for when they call API Gateway. */
    public static final String EXECUTE_API = "execute-api";

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final IamCredentials credentials;
    private final String region;
    private final String service;
    private final boolean normalizePath;
    private final SigningKeys signingKeys = new SigningKeys();

    /**
     * @param region the region signatures must be scoped to, e.g. {@code us-east-1}
     * @param service the service signatures must be scoped to: {@link #EXECUTE_API} in real use
     */
    public SigV4Verifier(IamCredentials credentials, String region, String service) {
        this(credentials, region, service, true);
    }

    /**
     * @param normalizePath {@code false} only to check S3-style signatures of the conformance suite, whose paths
     *     keep dot segments and repeated slashes; API Gateway always normalises
     */
    SigV4Verifier(IamCredentials credentials, String region, String service, boolean normalizePath) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.region = Objects.requireNonNull(region, "region");
        this.service = Objects.requireNonNull(service, "service");
        this.normalizePath = normalizePath;
    }

    /** A verifier for API Gateway in {@code region}: signatures scoped to {@code execute-api}. */
    public static SigV4Verifier forExecuteApi(IamCredentials credentials, String region) {
        return new SigV4Verifier(credentials, region, EXECUTE_API);
    }

    /** Checks the request's signature as of {@code now}. */
    public SigV4Result verify(SignedRequest request, Instant now) {
        try {
            return new SigV4Result.Verified(verifiedPrincipal(request, now));
        } catch (SigV4Rejection rejection) {
            return rejection.failure();
        }
    }

    private IamPrincipal verifiedPrincipal(SignedRequest request, Instant now) {
        QueryParameters query = QueryParameters.parse(request.rawQuery());
        SigningParameters signing = SigningParameters.of(request, query);
        Instant requestTime = signing.requestTime();
        String amzDate = AmzDate.format(requestTime);
        checkClock(amzDate, requestTime, signing, now);
        if (!signing.signsHost()) {
            throw new SigV4Rejection(SigV4Failures.hostNotSigned());
        }
        if (!signing.algorithm().equals(SigningParameters.ALGORITHM)) {
            throw new SigV4Rejection(SigV4Failures.unsupportedAlgorithm(signing.algorithm()));
        }
        CredentialScope scope = CredentialScope.parse(signing.credential());
        scope.check(region, service, amzDate);
        IamPrincipal principal = credentials.find(scope.accessKeyId())
                .orElseThrow(() -> new SigV4Rejection(SigV4Failures.unknownAccessKey()));
        checkSignature(request, query, signing, scope, amzDate, signingKeys.signingKey(principal.secretKey(), scope));
        if (!Objects.equals(principal.sessionToken(), signing.securityToken())) {
            throw new SigV4Rejection(SigV4Failures.invalidSecurityToken());
        }
        return principal;
    }

    private void checkSignature(SignedRequest request, QueryParameters query, SigningParameters signing,
            CredentialScope scope, String amzDate, byte[] signingKey) {
        String canonicalRequest = CanonicalRequest.of(request, query, signing, normalizePath, false);
        String stringToSign = stringToSign(amzDate, scope, canonicalRequest);
        if (signatureMatches(signingKey, stringToSign, signing)) {
            return;
        }
        // SigV4 lets a client append its session token to a presigned URL after signing (the suites'
        // post-sts-header-after); the token itself is still checked against the key's.
        if (signing.presigned() && query.contains("X-Amz-Security-Token")) {
            String withoutToken = CanonicalRequest.of(request, query, signing, normalizePath, true);
            if (signatureMatches(signingKey, stringToSign(amzDate, scope, withoutToken), signing)) {
                return;
            }
        }
        throw new SigV4Rejection(SigV4Failures.signatureMismatch(canonicalRequest, stringToSign));
    }

    /** The string to sign, for the request time, scope and canonical request. */
    static String stringToSign(String amzDate, CredentialScope scope, String canonicalRequest) {
        return SigningParameters.ALGORITHM + '\n' + amzDate + '\n' + scope.scope() + '\n'
                + SigningKeys.sha256Hex(canonicalRequest);
    }

    private static void checkClock(String amzDate, Instant requestTime, SigningParameters signing, Instant now) {
        if (requestTime.isAfter(now.plus(CLOCK_SKEW))) {
            throw new SigV4Rejection(SigV4Failures.notYetCurrent(amzDate, AmzDate.format(now.plus(CLOCK_SKEW)),
                    AmzDate.format(now), describe(CLOCK_SKEW)));
        }
        Duration validity = signing.validity() != null ? signing.validity() : CLOCK_SKEW;
        if (requestTime.isBefore(now.minus(validity))) {
            throw new SigV4Rejection(SigV4Failures.expired(amzDate, AmzDate.format(now.minus(validity)),
                    AmzDate.format(now), describe(validity)));
        }
    }

    /** AWS writes its window as {@code 5 min.}; a presigned window that is no whole minute is in seconds (ours). */
    private static String describe(Duration window) {
        long seconds = window.getSeconds();
        return seconds % 60 == 0 ? seconds / 60 + " min." : seconds + " sec.";
    }

    /** Compares in time independent of where the strings differ, so timing reveals nothing of the signature. */
    private static boolean signatureMatches(byte[] signingKey, String stringToSign, SigningParameters signing) {
        String expected = SigningKeys.hmacHex(signingKey, stringToSign);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                signing.signature().getBytes(StandardCharsets.UTF_8));
    }
}
