package dev.turnpike.runtime.auth.policy;

/** What one policy document says about one request. */
public enum PolicyResult {
    /** A statement allows the request and none denies it. */
    ALLOW,
    /** A statement denies the request; no Allow overrides this. */
    EXPLICIT_DENY,
    /** No statement speaks to the request ("neither allow nor deny" in AWS's tables). */
    IMPLICIT_DENY
}
