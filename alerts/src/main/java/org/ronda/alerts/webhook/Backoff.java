package org.ronda.alerts.webhook;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Delays between attempts: exponential with full jitter, floored at the initial delay. Retry
 * {@code n} (1 for the first retry) waits a uniformly random time in
 * {@code [initial, min(max, initial × 2^(n-1))]}. Full jitter spreads the retries of many alerts to
 * one recovering receiver instead of sending them in waves; the floor keeps a retry from following
 * a failure immediately.
 */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;

    /** @param random uniform in [0, 1) */
    Backoff(Duration initial, Duration max, DoubleSupplier random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** The wait before retry {@code retry} (1-based). */
    Duration delay(int retry) {
        long ceiling = ceilingNanos(retry);
        long floor = initial.toNanos();
        return Duration.ofNanos(floor + (long) (random.getAsDouble() * (ceiling - floor)));
    }

    /** The largest wait {@link #delay} can return for {@code retry}. */
    Duration ceiling(int retry) {
        return Duration.ofNanos(ceilingNanos(retry));
    }

    /** A delay the receiver asked for (Retry-After), kept between zero and the maximum backoff. */
    Duration requested(Duration retryAfter) {
        if (retryAfter.isNegative()) {
            return Duration.ZERO;
        }
        return retryAfter.compareTo(max) > 0 ? max : retryAfter;
    }

    private long ceilingNanos(int retry) {
        long ceiling = initial.toNanos();
        // Doubling stops at max: the shift would overflow after about 40 retries of 1 s.
        for (int i = 1; i < retry && ceiling < max.toNanos(); i++) {
            ceiling = ceiling * 2;
        }
        return Math.min(ceiling, max.toNanos());
    }

    /**
     * The wait a {@code Retry-After} value asks for: delta-seconds or an HTTP date (RFC 9110 10.2.3),
     * relative to {@code now}; empty when the value is neither.
     */
    static Optional<Duration> parseRetryAfter(String value, Instant now) {
        String v = value.strip();
        if (!v.isEmpty() && v.length() <= 10 && v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            return Optional.of(Duration.between(now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
