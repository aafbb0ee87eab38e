package org.ronda.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The watchdog's decision, on made-up samples: no Kafka. */
class StallDetectorTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private final StallDetector detector = new StallDetector("index (group g on topic t)", Duration.ofSeconds(45));

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void waitingWorkWithOffsetsThatDoNotMoveIsAStallOnceTheLimitHasPassed() {
        detector.observe(at(0), 100, 50);
        detector.observe(at(30), 100, 50);
        assertThat(detector.stall(at(44))).isEmpty();
        assertThat(detector.stall(at(45))).hasValue(
                "index (group g on topic t) stalled: lag 50 with committed offsets unchanged at 100 for 45 s (limit 45 s)");
    }

    @Test
    void movingOffsetsRestartTheClock() {
        detector.observe(at(0), 100, 50);
        detector.observe(at(40), 120, 30);
        assertThat(detector.stall(at(80))).isEmpty();
        assertThat(detector.stall(at(85))).isPresent();
    }

    @Test
    void noLagIsNeverAStallHoweverLongNothingMoves() {
        detector.observe(at(0), 100, 0);
        detector.observe(at(100), 100, 0);
        assertThat(detector.stall(at(200))).isEmpty();
    }

    @Test
    void newWorkAfterAnIdlePeriodGetsTheFullLimit() {
        detector.observe(at(0), 100, 0);
        detector.observe(at(60), 100, 0);
        detector.observe(at(61), 100, 20);
        assertThat(detector.stall(at(100))).isEmpty();
        assertThat(detector.stall(at(106))).isPresent();
    }

    @Test
    void aDeclaredOutageHoldsTheClockAndTheStageGetsTheFullLimitAfterIt() {
        detector.observe(at(0), 100, 50);
        detector.outageBegan(at(10));
        detector.observe(at(50), 100, 50);
        assertThat(detector.stall(at(50))).as("in the outage").isEmpty();
        detector.outageEnded(at(40 + 30));
        assertThat(detector.stall(at(114))).isEmpty();
        assertThat(detector.stall(at(115))).hasValueSatisfying(s -> assertThat(s).contains("for 45 s"));
    }

    @Test
    void progressAfterTheOutageCountsFromItsOwnTime() {
        detector.outageBegan(at(0));
        detector.observe(at(5), 100, 50);
        detector.outageEnded(at(30));
        detector.observe(at(40), 110, 40);
        assertThat(detector.stall(at(84))).isEmpty();
        assertThat(detector.stall(at(85))).isPresent();
    }

    @Test
    void nothingObservedYetIsNoStall() {
        assertThat(detector.stall(at(1000))).isEmpty();
    }

    @Test
    void theLimitMustBePositive() {
        assertThatThrownBy(() -> new StallDetector("x", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
