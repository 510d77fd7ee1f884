package dev.turnpike.runtime.throttle;

import dev.turnpike.runtime.response.GatewayError;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Admits a request when every limiter that applies to it has a token, taking one from each. A request refused by
 * one limiter gives back what it took from the others, so a refused request costs nothing; the first refusing
 * limiter, in the order given, names the error.
 *
 * <p>Limiters that answer at once (in memory) are asked one after another and the first refusal stops the walk.
 * Limiters that answer later (Redis) are all asked at once, so a decision costs one round trip, and are given
 * back afterwards if one of them refused.
 */
final class Admission {

    static final CompletableFuture<GatewayError> ADMITTED = CompletableFuture.completedFuture(null);
    static final Limiter[] NO_LIMITERS = {};

    private Admission() {
    }

    /** The decision over {@code first} then {@code second} (two arrays so callers can keep both precomputed). */
    static CompletableFuture<GatewayError> admit(Limiter[] first, Limiter[] second, LimiterStore store) {
        int count = first.length + second.length;
        for (int i = 0; i < count; i++) {
            Limiter limiter = at(first, second, i);
            CompletableFuture<Boolean> taken = limiter.tryTake();
            if (!taken.isDone() || taken.isCompletedExceptionally()) {
                return decideLater(first, second, i, taken, store);
            }
            if (!taken.join()) {
                giveBack(first, second, i);
                return limiter.refused();
            }
        }
        return ADMITTED;
    }

    private static CompletableFuture<GatewayError> decideLater(Limiter[] first, Limiter[] second, int from,
            CompletableFuture<Boolean> pending, LimiterStore store) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        CompletableFuture<Boolean>[] taken = new CompletableFuture[first.length + second.length];
        Arrays.fill(taken, 0, from, Limiter.TAKEN);
        taken[from] = pending;
        for (int i = from + 1; i < taken.length; i++) {
            taken[i] = at(first, second, i).tryTake();
        }
        return CompletableFuture.allOf(taken)
                .orTimeout(store.timeoutMillis(), TimeUnit.MILLISECONDS)
                .handle((allAnswered, failure) -> verdict(first, second, taken, store));
    }

    /** A refusal if a limiter refused; else, if one did not answer, what the store's fail mode says. */
    private static GatewayError verdict(Limiter[] first, Limiter[] second, CompletableFuture<Boolean>[] taken,
            LimiterStore store) {
        Throwable failure = null;
        Limiter refusing = null;
        for (int i = 0; i < taken.length; i++) {
            CompletableFuture<Boolean> answer = taken[i];
            if (!answer.isDone()) {
                failure = new TimeoutException("no answer within " + store.timeoutMillis() + " ms");
            } else if (answer.isCompletedExceptionally()) {
                failure = cause(answer);
            } else if (!answer.join() && refusing == null) {
                refusing = at(first, second, i);
            }
        }
        if (refusing == null && failure == null) {
            store.answered();
            return null;
        }
        GatewayError error = refusing != null ? refusing.refusal() : store.whenUnavailable(failure);
        if (error != null) {
            for (int i = 0; i < taken.length; i++) {
                if (taken[i].isDone() && !taken[i].isCompletedExceptionally() && taken[i].join()) {
                    at(first, second, i).giveBack();
                }
            }
        }
        return error;
    }

    private static Throwable cause(CompletableFuture<Boolean> failed) {
        try {
            failed.join();
            return null;
        } catch (CompletionException | CancellationException e) {
            return e.getCause() != null ? e.getCause() : e;
        }
    }

    private static void giveBack(Limiter[] first, Limiter[] second, int end) {
        for (int i = 0; i < end; i++) {
            at(first, second, i).giveBack();
        }
    }

    private static Limiter at(Limiter[] first, Limiter[] second, int i) {
        return i < first.length ? first[i] : second[i - first.length];
    }
}
