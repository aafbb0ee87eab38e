package org.ronda.sample.synthetic;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Lets live articles appear at a steady rate: article {@code j} appears {@code j / rate} seconds
 * after {@link #start}. Records, for each article, when it appeared and when a feed holding it was
 * first served. Times are {@link System#nanoTime()} values of this JVM; 0 means "not yet".
 */
public final class ReleaseClock {

    private final int size;
    private final AtomicLongArray firstServed;
    private volatile long startNanos;
    private volatile double perSecond;
    private volatile int limit;

    /** @param size how many articles can be released */
    public ReleaseClock(int size) {
        this.size = size;
        this.firstServed = new AtomicLongArray(size);
    }

    /**
     * Starts releasing now, {@code perSecond} articles a second, until {@code limit} have appeared.
     *
     * @throws IllegalStateException if already started
     */
    public synchronized void start(double perSecond, int limit) {
        if (startNanos != 0) {
            throw new IllegalStateException("release already started");
        }
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("release rate must be positive, got " + perSecond);
        }
        this.perSecond = perSecond;
        this.limit = Math.min(limit, size);
        this.startNanos = System.nanoTime();
    }

    /** How many articles have appeared at {@code nanos}. */
    public int released(long nanos) {
        long start = startNanos;
        if (start == 0 || nanos < start) {
            return 0;
        }
        long count = (long) Math.floor((nanos - start) / 1e9 * perSecond) + 1;
        return (int) Math.min(count, limit);
    }

    /** When article {@code j} appears (or appeared). */
    public long appearedAt(int j) {
        return startNanos + Math.round(j / perSecond * 1e9);
    }

    /** When a feed holding article {@code j} was first served, or 0. */
    public long firstServedAt(int j) {
        return firstServed.get(j);
    }

    /** How many articles can be released at most. */
    public int limit() {
        return limit;
    }

    void served(int j, long nanos) {
        firstServed.compareAndSet(j, 0, nanos);
    }
}
