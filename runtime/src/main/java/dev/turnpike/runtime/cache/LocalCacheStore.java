package dev.turnpike.runtime.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.util.concurrent.CompletableFuture;

/** Entries in this JVM: bounded by their total size, each expiring after its method's TTL. */
final class LocalCacheStore implements CacheStore {

    private final Cache<CacheKey, CachedResponse> entries;

    LocalCacheStore(long maxBytes, Ticker ticker) {
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

    @Override
    public CompletableFuture<CachedResponse> get(CacheKey key) {
        return CompletableFuture.completedFuture(entries.getIfPresent(key));
    }

    @Override
    public void put(CacheKey key, CachedResponse response) {
        entries.put(key, response);
    }

    @Override
    public void invalidate(CacheKey key) {
        entries.invalidate(key);
    }

    @Override
    public void flush() {
        entries.invalidateAll();
        entries.cleanUp();
    }

    @Override
    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }
}
