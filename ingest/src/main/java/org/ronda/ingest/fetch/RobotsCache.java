package org.ronda.ingest.fetch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * robots.txt rules per origin ({@code scheme://host:port}, as RFC 9309 scopes them), each kept for
 * the TTL its loader chose, least recently used origins dropped beyond the capacity. Concurrent
 * lookups of an origin that is not cached wait for one load instead of each fetching robots.txt.
 */
final class RobotsCache {

    /**
     * The outcome of loading one robots.txt.
     *
     * @param rules the rules, or empty when robots.txt could not be read and the origin's pages must wait
     * @param ttl   how long to keep this outcome; zero to not keep it
     */
    record Verdict(Optional<RobotsRules> rules, Duration ttl) {}

    /** Fetches and judges the robots.txt of an origin. */
    @FunctionalInterface
    interface Loader {
        Verdict load(String origin) throws InterruptedException;
    }

    private record Entry(Verdict verdict, Instant expires) {}

    private final Map<String, Entry> entries;
    private final Map<String, CompletableFuture<Verdict>> loading = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration maxLoadWait;

    /** @param maxLoadWait how long a lookup waits for another thread's load of the same origin */
    RobotsCache(int capacity, Clock clock, Duration maxLoadWait) {
        this.clock = clock;
        this.maxLoadWait = maxLoadWait;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * The cached verdict for {@code origin}, or a fresh one from {@code loader}.
     *
     * @return the verdict; rules empty when robots.txt is unreachable (also when waiting for another
     *         thread's load took too long)
     */
    Verdict get(String origin, Loader loader) throws InterruptedException {
        synchronized (entries) {
            Entry e = entries.get(origin);
            if (e != null && clock.instant().isBefore(e.expires)) {
                return e.verdict;
            }
        }
        CompletableFuture<Verdict> mine = new CompletableFuture<>();
        CompletableFuture<Verdict> theirs = loading.putIfAbsent(origin, mine);
        if (theirs != null) {
            return await(theirs);
        }
        try {
            Verdict verdict = loader.load(origin);
            if (verdict.ttl().compareTo(Duration.ZERO) > 0) {
                synchronized (entries) {
                    entries.put(origin, new Entry(verdict, clock.instant().plus(verdict.ttl())));
                }
            }
            mine.complete(verdict);
            return verdict;
        } catch (InterruptedException | RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            loading.remove(origin, mine);
        }
    }

    private Verdict await(CompletableFuture<Verdict> load) throws InterruptedException {
        try {
            return load.get(maxLoadWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // The other load failed or hangs: this lookup counts robots.txt as unreachable, uncached.
            return new Verdict(Optional.empty(), Duration.ZERO);
        }
    }
}
