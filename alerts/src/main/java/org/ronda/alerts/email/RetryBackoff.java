package org.ronda.alerts.email;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: attempt n waits a random time between half and all of
 * {@code min(initial * 2^n, max)}, so that many subscribers retrying after one outage spread out.
 */
final class RetryBackoff {

    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;

    /** @param random uniform in [0, 1), injected so tests can pin it */
    RetryBackoff(Duration initial, Duration max, DoubleSupplier random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** The wait before retry number {@code attempt} (0 for the first retry). */
    Duration delay(int attempt) {
        long ceiling = max.toMillis();
        long base = initial.toMillis();
        // Shifting past 30 overflows long arithmetic long after the cap is reached.
        long exp = attempt >= 30 ? ceiling : Math.min(ceiling, base << Math.max(0, attempt));
        long jittered = exp / 2 + (long) (random.getAsDouble() * (exp - exp / 2));
        return Duration.ofMillis(Math.max(1, jittered));
    }
}
