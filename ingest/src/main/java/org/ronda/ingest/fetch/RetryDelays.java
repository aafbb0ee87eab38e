package org.ronda.ingest.fetch;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/** How long to wait before a retry: exponential backoff with full jitter, or what the server asked for. */
final class RetryDelays {

    private final Duration base;
    private final Duration max;
    private final DoubleSupplier random;

    /** @param random uniform in [0, 1) */
    RetryDelays(Duration base, Duration max, DoubleSupplier random) {
        this.base = base;
        this.max = max;
        this.random = random;
    }

    /**
     * The wait before retry number {@code retry} (0 for the first): uniform between zero and
     * {@code min(max, base * 2^retry)}. Full jitter spreads the retries of many fetchers that failed
     * together, so they do not hit the recovering server in step.
     */
    Duration backoff(int retry) {
        long ceiling = base.toNanos();
        for (int i = 0; i < retry && ceiling < max.toNanos(); i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, max.toNanos());
        return Duration.ofNanos((long) (random.getAsDouble() * ceiling));
    }

    /**
     * A {@code Retry-After} value: delay-seconds or an HTTP date; a date in the past is zero.
     *
     * @return empty when the value is neither
     */
    static Optional<Duration> parseRetryAfter(String value, Clock clock) {
        String v = value.strip();
        if (!v.isEmpty() && v.length() <= 9 && v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
