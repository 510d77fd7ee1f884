package dev.turnpike.runtime.auth.sigv4;

import dev.turnpike.runtime.http.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/** Signs requests with the real AWS SDK v2 signer, as a client of API Gateway would, for {@code execute-api}. */
final class SdkSigner {
    static final String HOST = "abc123defg.execute-api.us-east-1.amazonaws.com";
    static final String REGION = "us-east-1";

    private final AwsCredentialsIdentity identity;

    private SdkSigner(AwsCredentialsIdentity identity) {
        this.identity = identity;
    }

    static SdkSigner withKey(String accessKeyId, String secretKey) {
        return new SdkSigner(AwsCredentialsIdentity.create(accessKeyId, secretKey));
    }

    static SdkSigner withSessionKey(String accessKeyId, String secretKey, String sessionToken) {
        return new SdkSigner(AwsSessionCredentialsIdentity.create(accessKeyId, secretKey, sessionToken));
    }

    /** Signs with an {@code Authorization} header. */
    SignedRequest sign(String method, String encodedPath, Map<String, List<String>> queryParameters,
            Map<String, String> headers, String body, Instant at) {
        return sign(method, encodedPath, queryParameters, headers, body, at, null);
    }

    /** Signs into the query string, valid for {@code expiresIn}. */
    SignedRequest presign(String method, String encodedPath, Map<String, List<String>> queryParameters, Instant at,
            Duration expiresIn) {
        return sign(method, encodedPath, queryParameters, Map.of(), "", at, expiresIn);
    }

    private SignedRequest sign(String method, String encodedPath, Map<String, List<String>> queryParameters,
            Map<String, String> headers, String body, Instant at, Duration presignedFor) {
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder()
                .protocol("https").host(HOST).encodedPath(encodedPath).method(SdkHttpMethod.fromValue(method))
                .rawQueryParameters(queryParameters);
        headers.forEach(unsigned::putHeader);
        byte[] payload = body.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> {
            r.identity(identity)
                    .request(unsigned.build())
                    .payload(ContentStreamProvider.fromByteArray(payload))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SigV4Verifier.EXECUTE_API)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, REGION)
                    .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC));
            if (presignedFor != null) {
                r.putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                        .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, presignedFor);
            }
        }).request();
        Headers received = new Headers();
        signed.forEachHeader((name, values) -> values.forEach(value -> received.add(name, value)));
        if (!received.contains("Host")) {
            received.add("Host", HOST);
        }
        return new SignedRequest(method, signed.encodedPath(), signed.getUri().getRawQuery(), received,
                SignedRequest.sha256Hex(payload));
    }
}
