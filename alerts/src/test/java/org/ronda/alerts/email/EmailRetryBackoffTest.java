package org.ronda.alerts.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Exponential growth, the cap and the jitter range. Pure logic. */
class EmailRetryBackoffTest {

    @Test
    void doublesUpToTheCapWithJitterBetweenHalfAndAll() {
        RetryBackoff low = new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.0);
        RetryBackoff high = new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.999999);
        assertThat(low.delay(0)).isEqualTo(Duration.ofMillis(500));
        assertThat(high.delay(0)).isBetween(Duration.ofMillis(999), Duration.ofMillis(1000));
        assertThat(low.delay(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(high.delay(3)).isBetween(Duration.ofMillis(7999), Duration.ofSeconds(8));
        assertThat(low.delay(10)).isEqualTo(Duration.ofSeconds(30));
        assertThat(high.delay(100)).isBetween(Duration.ofMillis(59_999), Duration.ofSeconds(60));
    }
}
