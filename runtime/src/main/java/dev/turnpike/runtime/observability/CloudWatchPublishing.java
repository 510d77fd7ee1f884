package dev.turnpike.runtime.observability;

import io.micrometer.cloudwatch2.CloudWatchConfig;
import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;

/**
 * Publishing to CloudWatch through Micrometer's CloudWatch registry, loaded only when
 * {@code turnpike.metrics.cloudwatch.namespace} is set (its artifacts are optional dependencies). Credentials come
 * from the AWS SDK's default provider chain.
 */
final class CloudWatchPublishing {

    static final String ARTIFACT = "io.micrometer:micrometer-registry-cloudwatch2";
    static final String PROBE = "io.micrometer.cloudwatch2.CloudWatchMeterRegistry";
    static final String NETTY_ARTIFACT = "software.amazon.awssdk:netty-nio-client";
    static final String NETTY_PROBE = "software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient";

    private CloudWatchPublishing() {
    }

    /** A registry publishing every {@code step} to {@code namespace}; the client is closed with the registry. */
    static MeterRegistry registry(String namespace, Duration step, String region, String endpoint) {
        software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClientBuilder client = CloudWatchAsyncClient.builder().region(Region.of(region));
        if (endpoint != null) {
            client.endpointOverride(URI.create(endpoint));
        }
        return registry(namespace, step, client.build());
    }

    static CloudWatchMeterRegistry registry(String namespace, Duration step, CloudWatchAsyncClient client) {
        CloudWatchConfig config = new CloudWatchConfig() {
            @Override
            public String get(String key) {
                return null;
            }

            @Override
            public String namespace() {
                return namespace;
            }

            @Override
            public Duration step() {
                return step;
            }
        };
        CloudWatchMeterRegistry registry = new CloudWatchMeterRegistry(config, Clock.SYSTEM, client) {
            @Override
            public void close() {
                super.close(); // publishes the last step first
                client.close();
            }
        };
        // Counters are published as <name>.count; AWS's are Count, CacheHitCount and CacheMissCount themselves.
        // Summaries and timers keep Micrometer's .sum, .count, .avg and .max (4XXError.avg is AWS's error rate).
        registry.config().namingConvention((name, type, unit) -> type == Meter.Type.COUNTER && name.endsWith(".count")
                ? name.substring(0, name.length() - ".count".length()) : name);
        return registry;
    }
}
