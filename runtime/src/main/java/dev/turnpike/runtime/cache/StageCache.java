package dev.turnpike.runtime.cache;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * One stage's cache cluster: its entries (in this JVM, or on Redis) and its hit and miss counts, per stage and per
 * method.
 */
public final class StageCache {

    private final String stage;
    private final long maxBytes;
    private final CacheStore store;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final Map<String, LongAdder[]> byMethod = new ConcurrentHashMap<>();

    StageCache(String stage, long maxBytes, CacheStore store) {
        this.stage = stage;
        this.maxBytes = maxBytes;
        this.store = store;
    }

    public String stage() {
        return stage;
    }

    /** The bound on the bytes held in this JVM (bodies, headers and keys, roughly); Redis has its own maxmemory. */
    public long maxBytes() {
        return maxBytes;
    }

    CompletableFuture<CachedResponse> get(CacheKey key) {
        return store.get(key);
    }

    void put(CacheKey key, CachedResponse response) {
        store.put(key, response);
    }

    void invalidate(CacheKey key) {
        store.invalidate(key);
    }

    /** Drops every entry, as API Gateway's {@code FlushStageCache} does. */
    public void flush() {
        store.flush();
    }

    /** How many responses are held now. */
    public long size() {
        return store.size();
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
