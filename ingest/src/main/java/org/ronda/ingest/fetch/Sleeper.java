package org.ronda.ingest.fetch;

import java.time.Duration;

/** Waits between retries; tests inject one that records the waits instead of sleeping. */
@FunctionalInterface
interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    static Sleeper real() {
        return d -> {
            if (!d.isZero() && !d.isNegative()) {
                Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
            }
        };
    }
}
