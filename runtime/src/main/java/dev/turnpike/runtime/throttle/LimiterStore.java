package dev.turnpike.runtime.throttle;

import dev.turnpike.runtime.response.GatewayError;

/** Where token buckets and quota counts live: this process's memory, or Redis shared by every node. */
interface LimiterStore extends AutoCloseable {

    /**
     * The bucket {@code id} (unique within the API, e.g. {@code account} or {@code plan:gold:alice}), full at
     * first. {@code limit} admits something: callers make {@link Limiter#refusingAll} buckets themselves.
     */
    Limiter bucket(String id, ThrottleLimit limit, GatewayError refusal);

    /** The quota counter {@code id}, counting from 0 in each period. */
    QuotaLimiter quota(String id, Quota quota, GatewayError refusal);

    /** How long a decision may wait for the store before it counts as unavailable. */
    long timeoutMillis();

    /** The answer while the store does not answer: {@code null} admits (fail open), an error refuses. */
    GatewayError whenUnavailable(Throwable cause);

    /** Notes that the store answered, ending an outage if one was under way. */
    void answered();

    @Override
    void close();
}
