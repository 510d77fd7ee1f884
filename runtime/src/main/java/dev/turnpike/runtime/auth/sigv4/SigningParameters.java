package dev.turnpike.runtime.auth.sigv4;

import dev.turnpike.runtime.http.Headers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The signature a client attached, from its {@code Authorization} header or its presigned query string, before
 * anything is checked but its presence.
 *
 * @param algorithm e.g. {@code AWS4-HMAC-SHA256}
 * @param credential {@code <accessKeyId>/<date>/<region>/<service>/aws4_request}, not yet split
 * @param signedHeaders the signed header names, lower-case, in the client's order
 * @param signature the hex signature as sent
 * @param date the request time as sent
 * @param dateIsHttpDate whether {@code date} came from a {@code Date} header, which may be an HTTP date
 * @param validity how long a presigned URL is valid; {@code null} for an {@code Authorization} header, which
 *     gets the 5-minute clock-skew rule
 * @param securityToken the session token sent with the request, or {@code null}
 * @param presigned whether the signature travels in the query string (then {@code X-Amz-Signature} is left out
 *     of the canonical query)
 */
record SigningParameters(String algorithm, String credential, List<String> signedHeaders, String signature,
        String date, boolean dateIsHttpDate, Duration validity, String securityToken, boolean presigned) {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final long LONGEST_PRESIGNED_SECONDS = 604_800;

    /** Finds the signature in either place, as API Gateway would; refuses a request with none, or with both. */
    static SigningParameters of(SignedRequest request, QueryParameters query) {
        String authorization = request.headers().first("Authorization");
        boolean presigned = query.contains("X-Amz-Algorithm");
        if (authorization != null && presigned) {
            throw new SigV4Rejection(SigV4Failures.headerAndQueryBothSigned());
        }
        if (authorization != null) {
            return fromAuthorizationHeader(authorization, request.headers());
        }
        if (presigned) {
            return fromPresignedQuery(query, request.headers());
        }
        throw new SigV4Rejection(SigV4Failures.missingAuthenticationToken());
    }

    /**
     * {@code <algorithm> Credential=..., SignedHeaders=..., Signature=...}. API Gateway reads any
     * {@code Authorization} header this way on an IAM method, even {@code Bearer ...}, and echoes it back when
     * parts are missing.
     */
    static SigningParameters fromAuthorizationHeader(String authorization, Headers headers) {
        int space = firstWhitespace(authorization);
        String algorithm = space < 0 ? authorization : authorization.substring(0, space);
        Map<String, String> parameters = new HashMap<>();
        if (space >= 0) {
            for (String token : authorization.substring(space + 1).split("[,\\s]+")) {
                if (token.isEmpty()) {
                    continue;
                }
                int equals = token.indexOf('=');
                if (equals < 0) {
                    throw new SigV4Rejection(SigV4Failures.notKeyValuePair(token, authorization));
                }
                parameters.putIfAbsent(token.substring(0, equals), token.substring(equals + 1));
            }
        }
        String credential = parameters.get("Credential");
        String signature = parameters.get("Signature");
        String signedHeaders = parameters.get("SignedHeaders");
        String amzDate = headers.first("X-Amz-Date");
        String date = amzDate != null ? amzDate : headers.first("Date");
        List<String> missing = new ArrayList<>(3);
        if (credential == null || credential.isEmpty()) {
            missing.add("Credential");
        }
        if (signature == null || signature.isEmpty()) {
            missing.add("Signature");
        }
        if (signedHeaders == null) {
            missing.add("SignedHeaders");
        }
        if (!missing.isEmpty() || date == null) {
            throw new SigV4Rejection(
                    SigV4Failures.incompleteAuthorizationHeader(missing, date == null, authorization));
        }
        return new SigningParameters(algorithm, credential, headerNames(signedHeaders), signature, date,
                amzDate == null, null, headers.first("X-Amz-Security-Token"), false);
    }

    static SigningParameters fromPresignedQuery(QueryParameters query, Headers headers) {
        List<String> missing = new ArrayList<>(5);
        for (String required : List.of("X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature",
                "X-Amz-SignedHeaders", "X-Amz-Date")) {
            String value = query.first(required);
            if (value == null || value.isEmpty()) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            throw new SigV4Rejection(SigV4Failures.incompletePresignedQuery(missing));
        }
        String token = query.first("X-Amz-Security-Token");
        return new SigningParameters(query.first("X-Amz-Algorithm"), query.first("X-Amz-Credential"),
                headerNames(query.first("X-Amz-SignedHeaders")), query.first("X-Amz-Signature"),
                query.first("X-Amz-Date"), false, validity(query.first("X-Amz-Expires")),
                token != null ? token : headers.first("X-Amz-Security-Token"), true);
    }

    /** The request time; a malformed one is refused as AWS refuses it. */
    Instant requestTime() {
        Instant time = dateIsHttpDate ? AmzDate.parseDateHeader(date) : AmzDate.parseIsoBasic(date);
        if (time == null) {
            throw new SigV4Rejection(SigV4Failures.dateNotIsoBasic(date));
        }
        return time;
    }

    /** Whether the host is among the signed headers, which AWS insists on. */
    boolean signsHost() {
        return signedHeaders.contains("host") || signedHeaders.contains(":authority");
    }

    /** A presigned URL without {@code X-Amz-Expires} gets the clock-skew window, like a header. */
    private static Duration validity(String expires) {
        if (expires == null) {
            return null;
        }
        boolean digitsOnly = !expires.isEmpty() && expires.length() <= 7
                && expires.chars().allMatch(c -> c >= '0' && c <= '9');
        long seconds = digitsOnly ? Long.parseLong(expires) : -1;
        if (seconds < 1 || seconds > LONGEST_PRESIGNED_SECONDS) {
            throw new SigV4Rejection(SigV4Failures.badExpires(expires));
        }
        return Duration.ofSeconds(seconds);
    }

    private static List<String> headerNames(String signedHeaders) {
        List<String> names = new ArrayList<>();
        for (String name : signedHeaders.split(";")) {
            if (!name.isEmpty()) {
                names.add(name.toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(names);
    }

    private static int firstWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
