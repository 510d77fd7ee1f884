package dev.turnpike.it;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A bounded load on loopback: a few client threads send requests back to back until a request count or a time
 * box runs out, whichever comes first, and every answer is kept with when it was sent and how long it took.
 */
final class ThrottlingLoad {

    /** Sends request number {@code i} (0, 1, ...): the caller picks the node and the request. */
    @FunctionalInterface
    interface Sender {
        HttpResponse<String> send(int i) throws Exception;
    }

    /**
     * One answer: status, body, {@code x-amzn-ErrorType} (or {@code -}), and when it was sent and answered,
     * in nanoseconds since the load started.
     */
    record Answer(int status, String body, String errorType, long sentNanos, long answeredNanos) {
        long latencyNanos() {
            return answeredNanos - sentNanos;
        }

        /** {@code 429 {"message":"Too Many Requests"} TooManyRequestsException}: the shape tests compare. */
        String shape() {
            return status + " " + body + " " + errorType;
        }
    }

    /** Everything a load run got back, in the order it was answered. */
    record Result(List<Answer> answers, long elapsedNanos, int threads) {

        long count(int status) {
            return answers.stream().filter(a -> a.status() == status).count();
        }

        double seconds() {
            return elapsedNanos / 1e9;
        }

        /** How many answers had each shape, e.g. {@code {"200 metered -": 47, "429 {...} TooManyRequests...": 3}}. */
        Map<String, Long> shapes() {
            return answers.stream().collect(Collectors.groupingBy(Answer::shape, TreeMap::new, Collectors.counting()));
        }

        Duration slowest() {
            return Duration.ofNanos(answers.stream().mapToLong(Answer::latencyNanos).max().orElse(0));
        }

        /** The first answer with {@code status}. */
        Answer first(int status) {
            return answers.stream().filter(a -> a.status() == status).findFirst().orElse(null);
        }
    }

    private ThrottlingLoad() {
    }

    /** Sends up to {@code maxRequests} requests from {@code threads} threads, for {@code timeBox} at most. */
    static Result run(int threads, int maxRequests, Duration timeBox, Sender sender) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        long deadline = start + timeBox.toNanos();
        Callable<Void> client = () -> {
            for (int i = next.getAndIncrement(); i < maxRequests && System.nanoTime() < deadline;
                    i = next.getAndIncrement()) {
                long sent = System.nanoTime() - start;
                HttpResponse<String> response = sender.send(i);
                answers.add(new Answer(response.statusCode(), response.body(),
                        response.headers().firstValue("x-amzn-ErrorType").orElse("-"), sent,
                        System.nanoTime() - start));
            }
            return null;
        };
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> clients = pool.invokeAll(Collections.nCopies(threads, client));
            for (Future<Void> done : clients) {
                done.get(); // a client's exception fails the test
            }
        } finally {
            pool.shutdownNow();
        }
        long elapsed = System.nanoTime() - start;
        List<Answer> byAnswer = new ArrayList<>(answers);
        byAnswer.sort(Comparator.comparingLong(Answer::answeredNanos));
        return new Result(List.copyOf(byAnswer), elapsed, threads);
    }
}
