package dev.turnpike.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AuthorizerCacheTest {

    private final AtomicLong now = new AtomicLong(1_000);

    @Test
    void anEntryLivesForItsTtl() {
        AuthorizerCache<String> cache = new AuthorizerCache<>(now::get, 10);
        cache.put("k", "v", 300_000);
        now.addAndGet(299_999);
        assertThat(cache.get("k")).isEqualTo("v");
        now.addAndGet(1);
        assertThat(cache.get("k")).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void aFullCacheDropsExpiredEntriesFirstThenEverything() {
        AuthorizerCache<String> cache = new AuthorizerCache<>(now::get, 3);
        cache.put("old", "v", 10);
        cache.put("a", "v", 1_000);
        cache.put("b", "v", 1_000);
        now.addAndGet(10);
        cache.put("c", "v", 1_000);
        assertThat(cache.get("a")).isEqualTo("v");
        assertThat(cache.get("c")).isEqualTo("v");
        assertThat(cache.size()).isEqualTo(3);
        cache.put("d", "v", 1_000);
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.get("d")).isEqualTo("v");
    }
}
