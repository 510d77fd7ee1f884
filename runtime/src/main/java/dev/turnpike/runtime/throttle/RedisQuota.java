package dev.turnpike.runtime.throttle;

import dev.turnpike.runtime.response.GatewayError;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * One key's quota count in Redis: one counter per period ({@code <prefix><periodStartMillis>}). Counting and
 * checking is one script, so nodes never count past the limit together. A counter expires one period length after
 * its first request, so at or after its period's end: relative to Redis's clock, whatever the gateway's says.
 */
final class RedisQuota extends QuotaLimiter {

    /** KEYS[1] the period's counter; ARGV[1] the limit, ARGV[2] the period's length (ms). 1 = taken. */
    private static final String TAKE = """
            local used = redis.call('INCR', KEYS[1])
            if used == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
            if used > tonumber(ARGV[1]) then redis.call('DECR', KEYS[1]) return 0 end
            return 1""";
    /** Only a counter that still exists: a period that ended has nothing to give back to. */
    private static final String GIVE_BACK = """
            if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('DECR', KEYS[1]) end
            return 0""";

    /** The current period's counter and script arguments, replaced when a new period starts. */
    private record Period(long start, long end, String[] counter, byte[] limitArg, byte[] lengthArg) {
    }

    private static final CompletableFuture<Long> NOT_CONNECTED =
            RedisConnection.NOT_CONNECTED.thenApply(taken -> 0L);

    private final RedisConnection redis;
    private final String prefix;
    private final Quota quota;
    private final Clock clock;
    private volatile Period period = new Period(Long.MAX_VALUE, Long.MIN_VALUE, null, null, null);

    RedisQuota(RedisConnection redis, String prefix, Quota quota, Clock clock,
            GatewayError refusal) {
        super(refusal);
        this.redis = redis;
        this.prefix = prefix;
        this.quota = quota;
        this.clock = clock;
    }

    @Override
    CompletableFuture<Boolean> tryTake() {
        RedisAsyncCommands<String, byte[]> commands = redis.commands();
        if (commands == null) {
            return RedisConnection.NOT_CONNECTED;
        }
        Period now = current();
        return commands.<Boolean>eval(TAKE, ScriptOutputType.BOOLEAN, now.counter(), now.limitArg(), now.lengthArg())
                .toCompletableFuture();
    }

    @Override
    void giveBack() {
        RedisAsyncCommands<String, byte[]> commands = redis.commands();
        if (commands != null) {
            commands.eval(GIVE_BACK, ScriptOutputType.INTEGER, current().counter());
        }
    }

    @Override
    CompletableFuture<Long> remaining() {
        RedisAsyncCommands<String, byte[]> commands = redis.commands();
        if (commands == null) {
            return NOT_CONNECTED;
        }
        return commands.get(current().counter()[0]).toCompletableFuture().thenApply(used -> quota.limit()
                - (used == null ? 0 : Long.parseLong(new String(used, StandardCharsets.US_ASCII))));
    }

    private Period current() {
        long nowMillis = clock.millis();
        Period known = period;
        if (nowMillis >= known.start() && nowMillis < known.end()) {
            return known;
        }
        long start = quota.periodStart(nowMillis);
        long end = quota.periodEnd(start);
        Period next = new Period(start, end, new String[] {prefix + start}, ascii(quota.limit()),
                ascii(end - start));
        period = next;
        return next;
    }

    private static byte[] ascii(long n) {
        return Long.toString(n).getBytes(StandardCharsets.US_ASCII);
    }
}
