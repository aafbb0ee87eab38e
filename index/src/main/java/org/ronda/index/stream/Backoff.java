package org.ronda.index.stream;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with equal jitter: attempt n waits between half and all of min(max, initial * 2^n). */
final class Backoff {

    private final Duration initial;
    private final Duration max;

    Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    Duration delay(int attempt) {
        long cap = Math.min(max.toMillis(), initial.toMillis() << Math.min(attempt, 20));
        // Jitter keeps many indexers from hammering a recovering cluster in step.
        return Duration.ofMillis(cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1));
    }
}
