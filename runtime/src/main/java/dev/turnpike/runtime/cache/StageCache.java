package dev.turnpike.runtime.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * One stage's cache cluster, in this JVM: responses bounded by their total size (the cluster size), each expiring
 * after its method's {@code cacheTtlInSeconds}, with hit and miss counts per stage and per method.
 */
public final class StageCache {

    private final String stage;
    private final long maxBytes;
    private final Cache<CacheKey, CachedResponse> entries;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final Map<String, LongAdder[]> byMethod = new ConcurrentHashMap<>();

    StageCache(String stage, long maxBytes, Ticker ticker) {
        this.stage = stage;
        this.maxBytes = maxBytes;
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((CacheKey key, CachedResponse value) -> key.weight() + value.weight())
                .expireAfter(new Expiry<CacheKey, CachedResponse>() {
                    @Override
                    public long expireAfterCreate(CacheKey key, CachedResponse value, long currentTime) {
                        return value.ttlNanos();
                    }

                    @Override
                    public long expireAfterUpdate(CacheKey key, CachedResponse value, long currentTime,
                            long currentDuration) {
                        return value.ttlNanos();
                    }

                    @Override
                    public long expireAfterRead(CacheKey key, CachedResponse value, long currentTime,
                            long currentDuration) {
                        return currentDuration;
                    }
                })
                .ticker(ticker)
                // Eviction and expiry on the calling thread: no common-pool tasks left behind by an undeployed WAR.
                .executor(Runnable::run)
                .build();
    }

    public String stage() {
        return stage;
    }

    /** The bound on the bytes held (bodies, headers and keys, roughly). */
    public long maxBytes() {
        return maxBytes;
    }

    CachedResponse get(CacheKey key) {
        return entries.getIfPresent(key);
    }

    void put(CacheKey key, CachedResponse response) {
        entries.put(key, response);
    }

    void invalidate(CacheKey key) {
        entries.invalidate(key);
    }

    /** Drops every entry, as API Gateway's {@code FlushStageCache} does. */
    public void flush() {
        entries.invalidateAll();
        entries.cleanUp();
    }

    /** How many responses are held now (after pending evictions and expiries). */
    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    void hit(String method) {
        hits.increment();
        counters(method)[0].increment();
    }

    void miss(String method) {
        misses.increment();
        counters(method)[1].increment();
    }

    private LongAdder[] counters(String method) {
        return byMethod.computeIfAbsent(method, m -> new LongAdder[] {new LongAdder(), new LongAdder()});
    }

    /** The stage's hits and misses so far. */
    public CacheCounts counts() {
        return new CacheCounts(hits.sum(), misses.sum());
    }

    /** One method's hits and misses so far; {@code method} is {@code /resource/path/METHOD}. */
    public CacheCounts counts(String method) {
        LongAdder[] c = byMethod.get(method);
        return c == null ? new CacheCounts(0, 0) : new CacheCounts(c[0].sum(), c[1].sum());
    }
}
