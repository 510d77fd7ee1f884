package dev.turnpike.benchmarks;

import dev.turnpike.runtime.auth.sigv4.IamCredentials;
import dev.turnpike.runtime.auth.sigv4.IamPrincipal;
import dev.turnpike.runtime.auth.sigv4.SigV4Result;
import dev.turnpike.runtime.auth.sigv4.SigV4Verifier;
import dev.turnpike.runtime.auth.sigv4.SignedRequest;
import dev.turnpike.runtime.http.Headers;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * One SigV4 verification of a {@code POST} with a query string and a small JSON body, signed once in setup by the
 * AWS SDK's own signer, as an {@code AWS_IAM} method verifies it: the body's hash is part of the request (the
 * gateway hashes the body before verifying), the signing key is cached after the first request, as it is for a
 * client that keeps its credentials for the day.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SigV4Benchmark {

    private static final String ACCESS_KEY_ID = "AKIDBENCHMARK";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    private SigV4Verifier verifier;
    private SignedRequest request;
    private Instant now;

    @Setup
    public void sign() {
        URI uri = URI.create("https://abc1234567.execute-api.us-east-1.amazonaws.com/prod/pets/7?expand=owner&v=2");
        byte[] body = "{\"name\": \"Rex\", \"type\": \"dog\"}".getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest unsigned = SdkHttpRequest.builder().uri(uri).method(SdkHttpMethod.POST)
                .putHeader("Content-Type", "application/json").putHeader("User-Agent", "bench").build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(ACCESS_KEY_ID, SECRET))
                .request(unsigned)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SigV4Verifier.EXECUTE_API)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")).request();
        Headers headers = new Headers();
        signed.forEachHeader((name, values) -> values.forEach(value -> headers.add(name, value)));
        headers.add("Accept", "application/json").add("Content-Length", String.valueOf(body.length));
        request = new SignedRequest("POST", uri.getRawPath(), uri.getRawQuery(), headers,
                SignedRequest.sha256Hex(body));
        verifier = SigV4Verifier.forExecuteApi(IamCredentials.of(new IamPrincipal(ACCESS_KEY_ID, SECRET, null,
                "123456789012", "arn:aws:iam::123456789012:user/bench", "AIDABENCHMARK0000000")), "us-east-1");
        now = Instant.now();
        SigV4Result first = verifier.verify(request, now);
        if (!(first instanceof SigV4Result.Verified)) {
            throw new IllegalStateException("the SDK-signed request does not verify: " + first);
        }
    }

    @Benchmark
    public SigV4Result verify() {
        return verifier.verify(request, now);
    }
}
