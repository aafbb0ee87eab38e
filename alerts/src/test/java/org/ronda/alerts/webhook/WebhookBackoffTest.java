package org.ronda.alerts.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Pure logic: delay bounds with the random source pinned to its extremes. */
class WebhookBackoffTest {

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void theLowestDrawIsTheInitialDelay() {
        Backoff b = new Backoff(ONE_SECOND, FIVE_MINUTES, () -> 0.0);

        for (int retry = 1; retry <= 50; retry++) {
            assertThat(b.delay(retry)).isEqualTo(ONE_SECOND);
        }
    }

    @Test
    void theCeilingDoublesUpToTheMaximum() {
        Backoff b = new Backoff(ONE_SECOND, FIVE_MINUTES, () -> 0.999_999);

        assertThat(b.ceiling(1)).isEqualTo(ONE_SECOND);
        assertThat(b.ceiling(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(b.ceiling(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(b.ceiling(10)).isEqualTo(FIVE_MINUTES);
        assertThat(b.ceiling(10_000)).isEqualTo(FIVE_MINUTES);
        assertThat(b.delay(3)).isBetween(Duration.ofMillis(3_999), Duration.ofSeconds(4));
        assertThat(b.delay(10_000)).isBetween(FIVE_MINUTES.minusMillis(1), FIVE_MINUTES);
    }

    @Test
    void everyDrawLiesBetweenInitialAndCeiling() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(3), Math::random);

        for (int retry = 1; retry <= 20; retry++) {
            for (int i = 0; i < 200; i++) {
                assertThat(b.delay(retry)).isBetween(Duration.ofMillis(100), b.ceiling(retry));
            }
        }
    }

    @Test
    void retryAfterIsKeptBelowTheMaximum() {
        Backoff b = new Backoff(ONE_SECOND, FIVE_MINUTES, () -> 0.5);

        assertThat(b.requested(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(b.requested(Duration.ofHours(2))).isEqualTo(FIVE_MINUTES);
        assertThat(b.requested(Duration.ofSeconds(-5))).isEqualTo(Duration.ZERO);
    }

    @Test
    void retryAfterIsSecondsOrAnHttpDate() {
        Instant now = Instant.parse("2026-03-04T05:06:07Z");

        assertThat(Backoff.parseRetryAfter("120", now)).contains(Duration.ofSeconds(120));
        assertThat(Backoff.parseRetryAfter("Wed, 04 Mar 2026 05:07:07 GMT", now)).contains(Duration.ofSeconds(60));
        assertThat(Backoff.parseRetryAfter("soon", now)).isEmpty();
        assertThat(Backoff.parseRetryAfter("-3", now)).isEmpty();
    }

    @Test
    void refusesAMaximumBelowTheInitialDelay() {
        assertThatThrownBy(() -> new Backoff(ONE_SECOND, Duration.ofMillis(10), () -> 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
