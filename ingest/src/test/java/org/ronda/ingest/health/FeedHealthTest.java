package org.ronda.ingest.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Pure logic: the per-feed state machine, its rate estimate, back-off and coverage gaps. Time is passed in. */
class FeedHealthTest {

    private static final String FEED = "http://127.0.0.1:8090/kl-daily/feed.xml";
    private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");
    private static final FeedHealthPolicy POLICY = FeedHealthPolicy.defaults();

    @Test
    void aNewFeedIsNewAndAssumedBusyUntilItHasHistory() {
        FeedHealth health = FeedHealth.unknown(FEED);

        assertThat(health.state(T0)).isEqualTo(FeedHealth.State.NEW);
        assertThat(health.itemsPerDay(POLICY)).isEqualTo(FeedHealth.PRIOR_ITEMS_PER_DAY);
        assertThat(health.gap(T0, POLICY)).isEmpty();
    }

    @Test
    void theFirstSuccessIsABaselineNotARate() {
        FeedHealth health = FeedHealth.unknown(FEED).afterSuccess(30, T0.minusSeconds(600), T0, POLICY);

        assertThat(health.state(T0)).isEqualTo(FeedHealth.State.OK);
        assertThat(health.firstSuccess()).isEqualTo(T0);
        assertThat(health.newItemsLastPoll()).isEqualTo(30);
        assertThat(health.newItemsSeen()).as("the feed's backlog is not new news").isZero();
        assertThat(health.itemsPerDay(POLICY)).isEqualTo(FeedHealth.PRIOR_ITEMS_PER_DAY);
        assertThat(health.newestItem()).isEqualTo(T0.minusSeconds(600));
    }

    @Test
    void theRateFollowsWhatTheFeedPublishesWhateverThePollInterval() {
        FeedHealth every5Minutes = steady(Duration.ofMinutes(5), 2, Duration.ofDays(10));
        FeedHealth every3Hours = steady(Duration.ofHours(3), 72, Duration.ofDays(10));

        // 2 items per 5 minutes and 72 per 3 hours are both 576 a day.
        assertThat(every5Minutes.itemsPerDay(POLICY)).isCloseTo(576, within(3.0));
        assertThat(every3Hours.itemsPerDay(POLICY)).isCloseTo(576, within(3.0));
        assertThat(every3Hours.usualInterval()).hasValueSatisfying(d -> assertThat(d.toSeconds()).isCloseTo(150, within(2L)));
    }

    @Test
    void aQuietFeedIsSeenAsQuiet() {
        FeedHealth health = steady(Duration.ofHours(6), 1, Duration.ofDays(14));

        assertThat(health.itemsPerDay(POLICY)).isCloseTo(4, within(0.2));
    }

    @Test
    void aFeedThatStopsPublishingSlowsDownButKeepsItsUsualPace() {
        FeedHealth busy = steady(Duration.ofHours(1), 4, Duration.ofDays(7));
        Instant last = busy.lastSuccess();
        FeedHealth silent = busy;
        for (int hour = 1; hour <= 48; hour++) {
            silent = silent.afterSuccess(0, busy.newestItem(), last.plus(Duration.ofHours(hour)), POLICY);
        }

        assertThat(silent.itemsPerDay(POLICY)).isLessThan(busy.itemsPerDay(POLICY) * 0.6);
        assertThat(silent.usualInterval()).isEqualTo(busy.usualInterval());
    }

    @Test
    void itemDatesSlightlyInTheFutureCountAsNowAndFarFutureDatesAreIgnored() {
        FeedHealth health = FeedHealth.unknown(FEED).afterSuccess(1, T0.plus(Duration.ofHours(7)), T0, POLICY);
        assertThat(health.newestItem()).isEqualTo(T0);

        FeedHealth bogus = FeedHealth.unknown(FEED).afterSuccess(1, Instant.parse("2099-01-01T00:00:00Z"), T0, POLICY);
        assertThat(bogus.newestItem()).isNull();
    }

    @Test
    void theNewestItemNeverMovesBackwards() {
        FeedHealth health = FeedHealth.unknown(FEED)
                .afterSuccess(3, T0.minusSeconds(60), T0, POLICY)
                .afterSuccess(0, T0.minusSeconds(3_600), T0.plusSeconds(600), POLICY);

        assertThat(health.newestItem()).isEqualTo(T0.minusSeconds(60));
    }

    @Test
    void failuresAreCountedWithClassAndShortReasonAndASuccessClearsTheCount() {
        FeedHealth health = FeedHealth.unknown(FEED)
                .afterFailure(FailureClass.TEMPORARY, "HTTP 503\n  from origin", T0, null, POLICY)
                .afterFailure(FailureClass.SOFT, "x".repeat(1_000), T0.plusSeconds(60), null, POLICY);

        assertThat(health.state(T0.plusSeconds(60))).isEqualTo(FeedHealth.State.FAILING);
        assertThat(health.consecutiveFailures()).isEqualTo(2);
        assertThat(health.lastFailureClass()).isEqualTo(FailureClass.SOFT);
        assertThat(health.lastFailureReason()).hasSize(FeedHealth.MAX_REASON_LENGTH).endsWith("…");
        assertThat(health.lastSuccess()).isNull();

        FeedHealth recovered = health.afterSuccess(2, null, T0.plusSeconds(120), POLICY);
        assertThat(recovered.consecutiveFailures()).isZero();
        assertThat(recovered.state(T0.plusSeconds(120))).isEqualTo(FeedHealth.State.OK);
        assertThat(recovered.lastFailureClass()).as("kept for the record").isEqualTo(FailureClass.SOFT);
    }

    @Test
    void theFifthHardFailureInARowBacksTheFeedOffForADayThenLonger() {
        FeedHealth health = FeedHealth.unknown(FEED);
        Instant now = T0;
        for (int i = 1; i <= 4; i++) {
            health = health.afterFailure(FailureClass.HARD, "HTTP 404", now, null, POLICY);
            assertThat(health.backedOffUntil()).as("after %d hard failures", i).isNull();
            now = now.plus(Duration.ofMinutes(10));
        }

        health = health.afterFailure(FailureClass.HARD, "HTTP 404", now, null, POLICY);
        assertThat(health.backedOffUntil()).isEqualTo(now.plus(Duration.ofDays(1)));
        assertThat(health.state(now.plusSeconds(1))).isEqualTo(FeedHealth.State.BACKED_OFF);
        assertThat(health.state(now.plus(Duration.ofDays(1)))).isEqualTo(FeedHealth.State.FAILING);

        now = now.plus(Duration.ofDays(1));
        health = health.afterFailure(FailureClass.HARD, "HTTP 410", now, null, POLICY);
        assertThat(health.backedOffUntil()).isEqualTo(now.plus(Duration.ofDays(2)));

        for (int i = 0; i < 10; i++) {
            health = health.afterFailure(FailureClass.HARD, "HTTP 410", now, null, POLICY);
        }
        assertThat(health.backedOffUntil()).as("capped").isEqualTo(now.plus(Duration.ofDays(7)));
    }

    @Test
    void anotherClassOfFailureBreaksAHardStreak() {
        FeedHealth health = FeedHealth.unknown(FEED);
        for (int i = 0; i < 4; i++) {
            health = health.afterFailure(FailureClass.HARD, "dns: no such host", T0, null, POLICY);
        }
        health = health.afterFailure(FailureClass.TEMPORARY, "timeout", T0, null, POLICY)
                .afterFailure(FailureClass.HARD, "dns: no such host", T0, null, POLICY);

        assertThat(health.consecutiveHardFailures()).isEqualTo(1);
        assertThat(health.consecutiveFailures()).isEqualTo(6);
        assertThat(health.backedOffUntil()).isNull();
    }

    @Test
    void retryAfterIsKeptButNotBeyondTheHardBackoff() {
        FeedHealth polite = FeedHealth.unknown(FEED).afterFailure(FailureClass.TEMPORARY, "HTTP 429", T0, T0.plusSeconds(120), POLICY);
        FeedHealth greedy = FeedHealth.unknown(FEED).afterFailure(FailureClass.TEMPORARY, "HTTP 429", T0, T0.plus(Duration.ofDays(30)), POLICY);

        assertThat(polite.retryNotBefore()).isEqualTo(T0.plusSeconds(120));
        assertThat(greedy.retryNotBefore()).isEqualTo(T0.plus(Duration.ofDays(1)));
    }

    @Test
    void aGapIsReportedWhenTheNewestItemIsOlderThanFourUsualIntervals() {
        // About 24 items a day, one an hour: four intervals are 4 h, so the 12 h floor decides.
        FeedHealth hourly = steady(Duration.ofHours(1), 1, Duration.ofDays(3));
        Instant last = hourly.lastSuccess();

        assertThat(hourly.gap(last.plus(Duration.ofHours(11)), POLICY)).isEmpty();
        CoverageGap gap = hourly.gap(last.plus(Duration.ofHours(13)), POLICY).orElseThrow();
        assertThat(gap.threshold()).isEqualTo(Duration.ofHours(12));
        assertThat(gap.age()).isEqualTo(Duration.ofHours(13));
        assertThat(gap.feed()).isEqualTo(FEED);
    }

    @Test
    void aSlowFeedGetsAThresholdOfFourOfItsIntervals() {
        // One item every 8 hours: gap after 32 hours, not after the 12 h floor.
        FeedHealth slow = steady(Duration.ofHours(8), 1, Duration.ofDays(20));
        Instant last = slow.lastSuccess();

        assertThat(slow.gap(last.plus(Duration.ofHours(30)), POLICY)).isEmpty();
        CoverageGap gap = slow.gap(last.plus(Duration.ofHours(34)), POLICY).orElseThrow();
        assertThat(gap.threshold().toMinutes()).isCloseTo(32 * 60, within(30L));
    }

    @Test
    void aFailingFeedShowsAGapWithItsLastFailure() {
        FeedHealth hourly = steady(Duration.ofHours(1), 1, Duration.ofDays(3));
        Instant last = hourly.lastSuccess();
        FeedHealth failing = hourly;
        for (int hour = 1; hour <= 20; hour++) {
            failing = failing.afterFailure(FailureClass.TEMPORARY, "HTTP 502", last.plus(Duration.ofHours(hour)), null, POLICY);
        }

        CoverageGap gap = failing.gap(last.plus(Duration.ofHours(20)), POLICY).orElseThrow();
        assertThat(gap.consecutiveFailures()).isEqualTo(20);
        assertThat(gap.lastFailureClass()).isEqualTo(FailureClass.TEMPORARY);
        assertThat(gap.lastFailureReason()).isEqualTo("HTTP 502");
    }

    @Test
    void feedsWithTooLittleHistoryAreNotJudged() {
        FeedHealth young = steady(Duration.ofHours(1), 1, Duration.ofHours(12));
        assertThat(young.gap(young.lastSuccess().plus(Duration.ofDays(5)), POLICY)).as("12 h of history").isEmpty();

        FeedHealth fewItems = FeedHealth.unknown(FEED)
                .afterSuccess(5, T0, T0, POLICY)
                .afterSuccess(2, T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(1)), POLICY)
                .afterSuccess(0, null, T0.plus(Duration.ofDays(2)), POLICY);
        assertThat(fewItems.gap(T0.plus(Duration.ofDays(5)), POLICY)).as("2 new items").isEmpty();
    }

    @Test
    void newItemsWithOldDatesStillCountAsActivity() {
        FeedHealth hourly = steady(Duration.ofHours(1), 1, Duration.ofDays(3));
        Instant now = hourly.lastSuccess().plus(Duration.ofHours(20));
        FeedHealth backdated = hourly.afterSuccess(3, hourly.newestItem(), now, POLICY);

        assertThat(backdated.gap(now.plusSeconds(60), POLICY)).isEmpty();
    }

    @Test
    void refusesANegativeItemCount() {
        assertThatThrownBy(() -> FeedHealth.unknown(FEED).afterSuccess(-1, null, T0, POLICY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("newItems");
    }

    /** A feed polled every {@code every} for {@code span}, bringing {@code items} new items each time, dated at the poll. */
    private static FeedHealth steady(Duration every, int items, Duration span) {
        FeedHealth health = FeedHealth.unknown(FEED).afterSuccess(items, T0, T0, POLICY);
        for (Instant t = T0.plus(every); !t.isAfter(T0.plus(span)); t = t.plus(every)) {
            health = health.afterSuccess(items, t, t, POLICY);
        }
        return health;
    }
}
