package org.ronda.ingest.fetch;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps the fetcher polite towards each host: at most {@code maxConcurrent} requests in flight to a
 * host, and at least an interval between the starts of two requests to it. The interval is the
 * policy's minimum, or the host's robots.txt {@code Crawl-delay} when that is larger.
 *
 * <p>One instance is shared by every fetch of a {@link PageFetcher}. Waits are bounded by the caller's
 * {@code maxWait} and end at once on interruption. Hosts are compared case-insensitively; ports are
 * ignored, since they are the same server.
 */
public final class HostThrottle {

    /** Idle hosts beyond this many are forgotten; their interval restarts, which only makes us wait less. */
    private static final int MAX_IDLE_HOSTS = 10_000;

    private final int maxConcurrent;
    private final long minIntervalNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, HostState> hosts = new HashMap<>();

    public HostThrottle(int maxConcurrent, Duration minInterval) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1, was " + maxConcurrent);
        }
        if (minInterval.isNegative()) {
            throw new IllegalArgumentException("minInterval must not be negative, was " + minInterval);
        }
        this.maxConcurrent = maxConcurrent;
        this.minIntervalNanos = minInterval.toNanos();
    }

    /**
     * Waits for a slot for {@code host}: fewer than the maximum in flight and the interval since the
     * last start passed. Close the permit when the request is done.
     *
     * @return the permit, or empty when none came within {@code maxWait}
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    public Optional<Permit> tryAcquire(String host, Duration maxWait) throws InterruptedException {
        String key = key(host);
        // Clamped so that the deadline arithmetic cannot overflow.
        long deadline = System.nanoTime() + Math.min(maxWait.toNanos(), TimeUnit.DAYS.toNanos(1));
        lock.lockInterruptibly();
        try {
            HostState state = hosts.computeIfAbsent(key, k -> new HostState(lock.newCondition()));
            state.waiting++;
            try {
                while (true) {
                    long now = System.nanoTime();
                    long untilNextStart = state.nextStart - now;
                    if (state.inFlight < maxConcurrent && untilNextStart <= 0) {
                        state.inFlight++;
                        state.nextStart = now + Math.max(minIntervalNanos, state.crawlDelayNanos);
                        return Optional.of(new Permit(state));
                    }
                    long remaining = deadline - now;
                    if (remaining <= 0) {
                        return Optional.empty();
                    }
                    long wait = state.inFlight < maxConcurrent ? Math.min(remaining, untilNextStart) : remaining;
                    state.changed.awaitNanos(wait);
                }
            } finally {
                state.waiting--;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sets the robots.txt {@code Crawl-delay} of {@code host}; the interval between its requests is the
     * larger of this and the minimum interval. {@link Duration#ZERO} clears it.
     */
    public void crawlDelay(String host, Duration delay) {
        lock.lock();
        try {
            HostState state = hosts.computeIfAbsent(key(host), k -> new HostState(lock.newCondition()));
            state.crawlDelayNanos = Math.max(0, delay.toNanos());
        } finally {
            lock.unlock();
        }
    }

    /** Requests to {@code host} in flight now. */
    public int inFlight(String host) {
        lock.lock();
        try {
            HostState state = hosts.get(key(host));
            return state == null ? 0 : state.inFlight;
        } finally {
            lock.unlock();
        }
    }

    /** Fetches waiting for a slot for {@code host} now. */
    public int waiting(String host) {
        lock.lock();
        try {
            HostState state = hosts.get(key(host));
            return state == null ? 0 : state.waiting;
        } finally {
            lock.unlock();
        }
    }

    private void release(HostState state) {
        lock.lock();
        try {
            state.inFlight--;
            state.changed.signalAll();
            if (hosts.size() > MAX_IDLE_HOSTS) {
                forgetIdleHosts();
            }
        } finally {
            lock.unlock();
        }
    }

    private void forgetIdleHosts() {
        long now = System.nanoTime();
        hosts.values().removeIf(s -> s.inFlight == 0 && s.waiting == 0 && s.nextStart - now <= 0);
    }

    private static String key(String host) {
        return host.toLowerCase(Locale.ROOT);
    }

    /** A slot for one request to one host; closing it (once or more) frees the slot. */
    public final class Permit implements AutoCloseable {
        private final HostState state;
        private boolean closed;

        private Permit(HostState state) {
            this.state = state;
        }

        @Override
        public void close() {
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
            }
            release(state);
        }
    }

    private static final class HostState {
        final Condition changed;
        int inFlight;
        int waiting;
        long nextStart = System.nanoTime() - TimeUnit.DAYS.toNanos(1);
        long crawlDelayNanos;

        HostState(Condition changed) {
            this.changed = changed;
        }
    }
}
