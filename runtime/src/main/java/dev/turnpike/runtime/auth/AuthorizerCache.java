package dev.turnpike.runtime.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Authorizer results by authorizer and identity, each kept for its TTL. Bounded: when full, expired entries go
 * first and, if that is not enough, everything, so a flood of distinct tokens costs memory only up to the bound.
 */
final class AuthorizerCache<V> {

    static final int DEFAULT_MAX_ENTRIES = 10_000;

    private record Entry<V>(V value, long expiresAtMillis) {
    }

    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final LongSupplier clockMillis;
    private final int maxEntries;

    AuthorizerCache(LongSupplier clockMillis, int maxEntries) {
        this.clockMillis = clockMillis;
        this.maxEntries = maxEntries;
    }

    /** The live value for {@code key}, or {@code null}. */
    V get(String key) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (entry.expiresAtMillis() <= clockMillis.getAsLong()) {
            entries.remove(key, entry);
            return null;
        }
        return entry.value();
    }

    void put(String key, V value, long ttlMillis) {
        if (entries.size() >= maxEntries) {
            long now = clockMillis.getAsLong();
            entries.values().removeIf(e -> e.expiresAtMillis() <= now);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(key, new Entry<>(value, clockMillis.getAsLong() + ttlMillis));
    }

    int size() {
        return entries.size();
    }
}
