package dev.turnpike.runtime.cache;

import java.util.concurrent.CompletableFuture;

/** Where one stage's entries live: this JVM's heap, or Redis shared by every node. */
interface CacheStore extends AutoCloseable {

    /** The entry, or {@code null} when there is none (or the store does not answer in time: a miss). */
    CompletableFuture<CachedResponse> get(CacheKey key);

    /** Keeps {@code response} for its TTL; best effort. */
    void put(CacheKey key, CachedResponse response);

    void invalidate(CacheKey key);

    void flush();

    /** How many entries are held now. */
    long size();

    @Override
    default void close() {
    }
}
