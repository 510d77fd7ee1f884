package dev.turnpike.it;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.net.ssl.SSLContext;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * A WebSocket route's Lambda function that answers the way a real backend does: by POSTing to
 * {@code @connections/{connectionId}} of the API, SigV4-signed by the AWS SDK's signer, with {@code "echo: "} and
 * the message.
 */
public final class WsEchoHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    static final String ACCESS_KEY = "AKIDWEBSOCKETECHO";
    static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYWEBSOCKET";

    /** Where the API is ({@code https://127.0.0.1:<port>/<context>}), and the TLS trusting its certificate. */
    static volatile URI api;
    static volatile SSLContext tls;

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> request = (Map<String, Object>) event.get("requestContext");
        String connectionId = (String) request.get("connectionId");
        byte[] body = ("echo: " + event.get("body")).getBytes(StandardCharsets.UTF_8);
        URI uri = URI.create(api + "/" + request.get("stage") + "/@connections/"
                + connectionId.replace("=", "%3D"));
        int status = post(uri, body);
        return Map.of("statusCode", status == 200 ? 200 : 500);
    }

    static int post(URI uri, byte[] body) {
        SdkHttpRequest unsigned = SdkHttpRequest.builder().uri(uri).method(SdkHttpMethod.POST).build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(ACCESS_KEY, SECRET_KEY))
                .request(unsigned)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")).request();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signed.forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                values.forEach(value -> request.header(name, value));
            }
        });
        try {
            return HttpClient.newBuilder().sslContext(tls).build()
                    .send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException("POST " + uri + " failed", e);
        }
    }
}
