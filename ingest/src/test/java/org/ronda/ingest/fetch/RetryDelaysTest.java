package org.ronda.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Pure logic: backoff bounds and Retry-After parsing. */
class RetryDelaysTest {

    @Test
    void backoffDoublesUpToTheCapWithFullJitter() {
        RetryDelays top = new RetryDelays(Duration.ofMillis(500), Duration.ofSeconds(3), () -> 0.999_999);
        RetryDelays bottom = new RetryDelays(Duration.ofMillis(500), Duration.ofSeconds(3), () -> 0.0);

        assertThat(top.backoff(0)).isBetween(Duration.ofMillis(499), Duration.ofMillis(500));
        assertThat(top.backoff(1)).isBetween(Duration.ofMillis(999), Duration.ofMillis(1000));
        assertThat(top.backoff(2)).isBetween(Duration.ofMillis(1999), Duration.ofMillis(2000));
        assertThat(top.backoff(3)).isBetween(Duration.ofMillis(2999), Duration.ofSeconds(3));
        assertThat(top.backoff(40)).isBetween(Duration.ofMillis(2999), Duration.ofSeconds(3));
        assertThat(bottom.backoff(2)).isZero();
    }

    @Test
    void retryAfterAsSecondsOrHttpDate() {
        Clock clock = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);

        assertThat(RetryDelays.parseRetryAfter("120", clock)).contains(Duration.ofSeconds(120));
        assertThat(RetryDelays.parseRetryAfter("Sat, 01 Mar 2025 10:00:30 GMT", clock)).contains(Duration.ofSeconds(30));
        assertThat(RetryDelays.parseRetryAfter("Sat, 01 Mar 2025 09:00:00 GMT", clock)).contains(Duration.ZERO);
        assertThat(RetryDelays.parseRetryAfter("soon", clock)).isEmpty();
        assertThat(RetryDelays.parseRetryAfter("-5", clock)).isEmpty();
    }
}
