package dev.turnpike.runtime.cache;

/**
 * How often a stage's cache (or one method in it) answered a request itself ({@code CacheHitCount}) and how often
 * it had to call the integration ({@code CacheMissCount}), as API Gateway's CloudWatch metrics of those names count
 * them. Requests the cache does not apply to (caching off for the method, a canary without the stage cache) are
 * neither.
 */
public record CacheCounts(long hits, long misses) {
}
