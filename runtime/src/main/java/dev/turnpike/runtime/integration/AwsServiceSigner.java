package dev.turnpike.runtime.integration;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

/**
 * Signs requests to AWS services with Signature Version 4, by the SDK's own signer, with credentials from the SDK's
 * default provider chain (environment, system properties, profile, container or instance role). An integration's
 * {@code credentials} role cannot be assumed here: the chain's credentials sign every call.
 *
 * <p>The only class of AWS service integrations that touches the SDK: loaded only when the API has one.
 */
final class AwsServiceSigner implements AutoCloseable {

    private final DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    /**
     * The headers to send with the request: {@code headers} plus the signature's ({@code Authorization},
     * {@code X-Amz-Date}, and {@code X-Amz-Security-Token} for temporary credentials). {@code Host} is signed as
     * the URL's authority, which is what the HTTP client sends, and is not among them.
     */
    CompletableFuture<Map<String, String>> sign(String method, URI target, Map<String, String> headers,
            byte[] body, String region, String service) {
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder().uri(target).method(SdkHttpMethod.fromValue(method));
        headers.forEach(unsigned::putHeader);
        return credentials.resolveIdentity().thenApply(identity -> {
            SdkHttpRequest signed = signer.sign(r -> r.identity(identity)
                    .request(unsigned.build())
                    .payload(ContentStreamProvider.fromByteArray(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region)).request();
            Map<String, String> sent = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> header : signed.headers().entrySet()) {
                if (!header.getKey().equalsIgnoreCase("Host")) {
                    sent.put(header.getKey(), String.join(",", header.getValue()));
                }
            }
            return sent;
        });
    }

    @Override
    public void close() {
        credentials.close();
    }
}
