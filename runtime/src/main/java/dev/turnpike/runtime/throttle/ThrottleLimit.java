package dev.turnpike.runtime.throttle;

/**
 * A token bucket as API Gateway describes one: {@code burstLimit} is the bucket's capacity and {@code rateLimit}
 * the tokens added back per second, continuously. A bucket starts full. A rate or burst of 0 admits nothing.
 */
public record ThrottleLimit(double rateLimit, long burstLimit) {

    /** API Gateway's default account-level limit per region: 10,000 requests per second, bursts of 5,000. */
    public static final ThrottleLimit ACCOUNT_DEFAULT = new ThrottleLimit(10_000, 5_000);

    public ThrottleLimit {
        if (!(rateLimit >= 0) || Double.isInfinite(rateLimit) || burstLimit < 0) {
            throw new IllegalArgumentException("rate and burst are finite numbers >= 0: " + rateLimit + ", "
                    + burstLimit);
        }
    }

    /** Whether this bucket never holds a token: AWS answers 429 to every request. */
    public boolean admitsNothing() {
        return rateLimit == 0 || burstLimit == 0;
    }

    @Override
    public String toString() {
        return "rate " + rateLimit + "/s, burst " + burstLimit;
    }
}
