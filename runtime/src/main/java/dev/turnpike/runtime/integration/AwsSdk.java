package dev.turnpike.runtime.integration;

import java.util.ArrayList;
import java.util.List;

/**
 * The optional AWS SDK artifacts some features need. The runtime does not bring them (most gateways never call
 * AWS), so a feature that needs them checks at start that they are there, and fails start naming what to add.
 */
final class AwsSdk {

    /** An artifact, known by one class it contains. */
    record Artifact(String coordinates, String probeClass) {
    }

    /** Remote Lambda functions: Lambda's async client on Netty. */
    static final List<Artifact> LAMBDA = List.of(
            new Artifact("software.amazon.awssdk:lambda", "software.amazon.awssdk.services.lambda.LambdaAsyncClient"),
            new Artifact("software.amazon.awssdk:netty-nio-client",
                    "software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient"));

    /** AWS service integrations: the SigV4 signer and the default credentials provider chain. */
    static final List<Artifact> SIGNING = List.of(
            new Artifact("software.amazon.awssdk:http-auth-aws",
                    "software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner"),
            new Artifact("software.amazon.awssdk:auth",
                    "software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider"));

    private AwsSdk() {
    }

    /**
     * {@code null} when every artifact is visible to the runtime's class loader, else why {@code feature} cannot
     * run, naming the artifacts to add.
     */
    static String missing(List<Artifact> artifacts, String feature) {
        List<String> missing = new ArrayList<>();
        for (Artifact artifact : artifacts) {
            try {
                Class.forName(artifact.probeClass(), false, AwsSdk.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                missing.add(artifact.coordinates());
            }
        }
        return missing.isEmpty() ? null : feature + " needs the AWS SDK: add " + String.join(" and ", missing)
                + " (version 2.x) to the application";
    }
}
