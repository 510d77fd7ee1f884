package dev.turnpike.runtime.admin;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps changed stages in one Redis hash ({@code turnpike:<apiId>:stages}, a field per stage holding its JSON) and
 * the API keys and usage plans added at run time in another ({@code turnpike:<apiId>:configuration}),
 * for gateways whose throttling already lives on Redis. Changes are rare and made by an operator, so the store
 * uses Lettuce's blocking commands on its own connection, never on a request's path.
 */
final class RedisStageStore implements StageStore {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final String key;
    private final String entriesKey;

    private RedisStageStore(RedisClient client, StatefulRedisConnection<String, String> connection, String key) {
        this.client = client;
        this.connection = connection;
        this.key = key + ":stages";
        this.entriesKey = key + ":configuration";
    }

    static RedisStageStore connect(String uri, String key) {
        RedisURI redisUri = RedisURI.create(uri);
        redisUri.setTimeout(TIMEOUT);
        RedisClient client = RedisClient.create(redisUri);
        try {
            return new RedisStageStore(client, client.connect(), key);
        } catch (RuntimeException e) {
            client.shutdown();
            throw new IllegalStateException("turnpike.management.store: cannot connect to " + redisUri + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, StoredStage> load() {
        Map<String, StoredStage> stages = new LinkedHashMap<>();
        connection.sync().hgetall(key).forEach((name, json) -> stages.put(name, StoredStage.fromJson(json)));
        return stages;
    }

    /** Synchronized with {@link #saveEntries}, so a stage's write never lands inside its transaction. */
    @Override
    public synchronized void save(StoredStage stage) {
        connection.sync().hset(key, stage.name(), stage.toJson());
    }

    @Override
    public Map<String, String> loadEntries() {
        return Map.copyOf(connection.sync().hgetall(entriesKey));
    }

    /** Replaces the kept entries in one transaction, so a reader never sees half of them. */
    @Override
    public synchronized void saveEntries(Map<String, String> entries) {
        var commands = connection.sync();
        commands.multi();
        commands.del(entriesKey);
        if (!entries.isEmpty()) {
            commands.hset(entriesKey, entries);
        }
        commands.exec();
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown(Duration.ZERO, TIMEOUT);
    }

    @Override
    public String toString() {
        return "Redis hash " + key;
    }
}
