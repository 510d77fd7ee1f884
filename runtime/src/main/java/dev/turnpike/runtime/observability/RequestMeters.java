package dev.turnpike.runtime.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * API Gateway's seven metrics for one set of dimensions, registered once at start. {@code 4XXError} and
 * {@code 5XXError} record 0 or 1 per request, as AWS's do: their sum is the number of errors and their mean the
 * error rate. {@code Count} counts every request; the cache counts only requests the stage cache looked up.
 */
final class RequestMeters {

    static final String COUNT = "Count";
    static final String CLIENT_ERROR = "4XXError";
    static final String SERVER_ERROR = "5XXError";
    static final String CACHE_HIT = "CacheHitCount";
    static final String CACHE_MISS = "CacheMissCount";
    static final String LATENCY = "Latency";
    static final String INTEGRATION_LATENCY = "IntegrationLatency";

    private final Counter count;
    private final DistributionSummary clientErrors;
    private final DistributionSummary serverErrors;
    private final Counter cacheHits;
    private final Counter cacheMisses;
    private final Timer latency;
    private final Timer integrationLatency;

    private RequestMeters(MeterRegistry registry, Tags dimensions) {
        count = Counter.builder(COUNT).description("The total number of API requests").tags(dimensions)
                .register(registry);
        clientErrors = DistributionSummary.builder(CLIENT_ERROR).description("1 per client-side error, else 0")
                .tags(dimensions).register(registry);
        serverErrors = DistributionSummary.builder(SERVER_ERROR).description("1 per server-side error, else 0")
                .tags(dimensions).register(registry);
        cacheHits = Counter.builder(CACHE_HIT).description("Requests served from the API cache").tags(dimensions)
                .register(registry);
        cacheMisses = Counter.builder(CACHE_MISS).description("Requests served from the backend with caching on")
                .tags(dimensions).register(registry);
        latency = Timer.builder(LATENCY).description("From receiving the request to returning the response")
                .tags(dimensions).register(registry);
        integrationLatency = Timer.builder(INTEGRATION_LATENCY)
                .description("From relaying the request to the backend to receiving its response").tags(dimensions)
                .register(registry);
    }

    static RequestMeters register(MeterRegistry registry, Tags dimensions) {
        return new RequestMeters(registry, dimensions);
    }

    void record(RequestEnd end) {
        count.increment();
        int status = end.status();
        clientErrors.record(status >= 400 && status < 500 ? 1 : 0);
        serverErrors.record(status >= 500 ? 1 : 0);
        Boolean hit = end.exchange().cacheHit();
        if (hit != null) {
            (hit ? cacheHits : cacheMisses).increment();
        }
        latency.record(end.latencyNanos(), TimeUnit.NANOSECONDS);
        long integration = end.exchange().integrationLatencyNanos();
        if (integration >= 0) {
            integrationLatency.record(integration, TimeUnit.NANOSECONDS);
        }
    }
}
