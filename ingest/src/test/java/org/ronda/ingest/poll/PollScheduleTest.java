package org.ronda.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ronda.ingest.health.FailureClass;
import org.ronda.ingest.health.FeedHealth;
import org.ronda.ingest.health.FeedHealthPolicy;

/** Pure logic: polling intervals from feed health snapshots, with a fixed clock. Nothing is fetched. */
class PollScheduleTest {

    private static final String FEED = "http://127.0.0.1:8090/kl-daily/feed.xml";
    private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");
    private static final FeedHealthPolicy POLICY = FeedHealthPolicy.defaults();
    private static final PollSchedule.Settings NO_JITTER = new PollSchedule.Settings(Duration.ofMinutes(5), Duration.ofHours(6), 1.0, 0);

    private final Map<String, FeedHealth> health = new HashMap<>();

    @Test
    void aFeedNeverPolledIsDueAtOnce() {
        PollSchedule schedule = schedule(NO_JITTER, T0);

        assertThat(schedule.nextPoll(FEED)).isEqualTo(T0);
        assertThat(schedule.due(FEED, T0)).isTrue();
        assertThat(schedule.due(FEED)).isTrue();
        assertThat(schedule.interval(FEED)).isEqualTo(Duration.ofMinutes(5));
    }

    /**
     * The poller reads the clock once per feed and asks {@code due(feed, now)}; a real clock has moved
     * on by the time the schedule reads it again. A feed never polled was then never due, so the
     * scheduler polled nothing, ever (found with tick=1s in the pipeline benchmark).
     */
    @Test
    void aFeedNeverPolledIsDueAtAReadingTakenBeforeTheScheduleReadsAMovingClock() {
        Clock moving = new Clock() {
            private Instant now = T0;

            @Override
            public Instant instant() {
                now = now.plusMillis(1);
                return now;
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                throw new UnsupportedOperationException();
            }
        };
        PollSchedule schedule = new PollSchedule(NO_JITTER, POLICY, feed -> Optional.ofNullable(health.get(feed)), moving);

        Instant readByThePoller = moving.instant();
        assertThat(schedule.due(FEED, readByThePoller)).isTrue();
        assertThat(schedule.nextPoll(FEED, readByThePoller)).isEqualTo(readByThePoller);
        assertThat(schedule.due(FEED)).isTrue();
    }

    @Test
    void aNewFeedIsPolledEveryQuarterOfAnHourUntilItsPaceIsKnown() {
        health.put(FEED, FeedHealth.unknown(FEED).afterSuccess(20, T0, T0, POLICY));
        PollSchedule schedule = schedule(NO_JITTER, T0);

        assertThat(schedule.interval(FEED)).isEqualTo(Duration.ofMinutes(15));
        assertThat(schedule.nextPoll(FEED)).isEqualTo(T0.plus(Duration.ofMinutes(15)));
        assertThat(schedule.due(FEED, T0.plus(Duration.ofMinutes(14)))).isFalse();
        assertThat(schedule.due(FEED, T0.plus(Duration.ofMinutes(15)))).isTrue();
    }

    @Test
    void aBusyFeedIsPolledAtTheMinimumAndAQuietOneAtTheMaximum() {
        String busy = "http://127.0.0.1:8090/busy/feed.xml";
        String hourly = "http://127.0.0.1:8090/hourly/feed.xml";
        String quiet = "http://127.0.0.1:8090/quiet/feed.xml";
        health.put(busy, steady(busy, Duration.ofMinutes(5), 3, Duration.ofDays(7)));
        health.put(hourly, steady(hourly, Duration.ofMinutes(30), 1, Duration.ofDays(7)));
        health.put(quiet, steady(quiet, Duration.ofHours(6), 0, Duration.ofDays(7)));
        PollSchedule schedule = schedule(NO_JITTER, T0);

        assertThat(schedule.interval(busy)).isEqualTo(Duration.ofMinutes(5));
        assertThat(schedule.interval(hourly).toMinutes()).isBetween(29L, 31L);
        assertThat(schedule.interval(quiet)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void boundsInSecondsWorkForTheDemoWithAHalfLifeInMinutes() {
        FeedHealthPolicy demoPolicy = new FeedHealthPolicy(5, Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(2), 4,
                Duration.ofMinutes(1), Duration.ofMinutes(1), 3);
        PollSchedule.Settings demo = new PollSchedule.Settings(Duration.ofSeconds(2), Duration.ofSeconds(30), 1.0, 0);
        String busy = "http://127.0.0.1:8090/busy/feed.xml";
        String quiet = "http://127.0.0.1:8090/quiet/feed.xml";
        health.put(busy, steady(busy, Duration.ofSeconds(2), 1, Duration.ofMinutes(2), demoPolicy));
        health.put(quiet, steady(quiet, Duration.ofSeconds(10), 0, Duration.ofMinutes(2), demoPolicy));
        PollSchedule schedule = new PollSchedule(demo, demoPolicy, feed -> Optional.ofNullable(health.get(feed)), Clock.fixed(T0, ZoneOffset.UTC));

        assertThat(schedule.interval(busy)).as("one item every 2 s, the prior nearly forgotten")
                .isBetween(Duration.ofSeconds(2), Duration.ofMillis(2_200));
        assertThat(schedule.interval(quiet)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void failuresDoubleTheIntervalUpToTheMaximum() {
        FeedHealth h = steady(FEED, Duration.ofMinutes(5), 3, Duration.ofDays(2));
        Instant at = h.lastAttempt().plus(Duration.ofMinutes(5));
        health.put(FEED, h);
        assertThat(schedule(NO_JITTER, at).interval(FEED)).isEqualTo(Duration.ofMinutes(5));
        Duration[] expected = {Duration.ofMinutes(10), Duration.ofMinutes(20), Duration.ofMinutes(40), Duration.ofMinutes(80),
            Duration.ofMinutes(160), Duration.ofMinutes(320), Duration.ofHours(6), Duration.ofHours(6)};
        for (Duration wait : expected) {
            h = h.afterFailure(FailureClass.TEMPORARY, "timeout", at, null, POLICY);
            health.put(FEED, h);
            assertThat(schedule(NO_JITTER, at).nextPoll(FEED)).isEqualTo(at.plus(wait));
            at = at.plus(wait);
        }
    }

    @Test
    void aFailureNeverMakesASlowFeedPollFaster() {
        FeedHealth quiet = steady(FEED, Duration.ofHours(6), 0, Duration.ofDays(7));
        Instant at = quiet.lastAttempt().plus(Duration.ofHours(6));
        health.put(FEED, quiet.afterFailure(FailureClass.SOFT, "empty feed", at, null, POLICY));

        assertThat(schedule(NO_JITTER, at).nextPoll(FEED)).isEqualTo(at.plus(Duration.ofHours(6)));
    }

    @Test
    void aBackedOffFeedWaitsForTheEndOfItsBackoff() {
        FeedHealth h = FeedHealth.unknown(FEED);
        for (int i = 0; i < 5; i++) {
            h = h.afterFailure(FailureClass.HARD, "HTTP 410", T0, null, POLICY);
        }
        health.put(FEED, h);
        PollSchedule schedule = schedule(NO_JITTER, T0);

        assertThat(schedule.nextPoll(FEED)).isEqualTo(T0.plus(Duration.ofDays(1)));
        assertThat(schedule.due(FEED, T0.plus(Duration.ofHours(23)))).isFalse();
        assertThat(schedule.due(FEED, T0.plus(Duration.ofDays(1)))).isTrue();
    }

    @Test
    void retryAfterIsHonoured() {
        health.put(FEED, FeedHealth.unknown(FEED).afterFailure(FailureClass.TEMPORARY, "HTTP 429", T0, T0.plus(Duration.ofHours(2)), POLICY));

        assertThat(schedule(NO_JITTER, T0).nextPoll(FEED)).isEqualTo(T0.plus(Duration.ofHours(2)));
    }

    @Test
    void jitterStretchesIntervalsWithinItsBoundAndIsDeterministic() {
        PollSchedule.Settings jittered = new PollSchedule.Settings(Duration.ofMinutes(5), Duration.ofHours(6), 1.0, 0.1);
        long distinct = 0;
        Instant previous = null;
        for (int i = 0; i < 50; i++) {
            String feed = "http://127.0.0.1:8090/outlet-" + i + "/feed.xml";
            health.put(feed, FeedHealth.unknown(feed).afterSuccess(5, T0, T0, POLICY));
            Instant next = schedule(jittered, T0).nextPoll(feed);

            assertThat(next).isBetween(T0.plus(Duration.ofMinutes(15)), T0.plus(Duration.ofMinutes(15).multipliedBy(11).dividedBy(10)));
            assertThat(schedule(jittered, T0).nextPoll(feed)).isEqualTo(next);
            if (!next.equals(previous)) {
                distinct++;
            }
            previous = next;
        }
        assertThat(distinct).as("feeds drift apart").isGreaterThan(40);
    }

    @Test
    void refusesBoundsThatCannotWork() {
        assertThatThrownBy(() -> new PollSchedule.Settings(Duration.ZERO, Duration.ofHours(6), 1, 0))
                .hasMessageStartingWith("minimum poll interval must be positive");
        assertThatThrownBy(() -> new PollSchedule.Settings(Duration.ofHours(1), Duration.ofMinutes(5), 1, 0))
                .hasMessageStartingWith("maximum poll interval must be at least the minimum");
        assertThatThrownBy(() -> new PollSchedule.Settings(Duration.ofMinutes(5), Duration.ofHours(6), 0, 0))
                .hasMessageStartingWith("target new items per poll must be a positive number");
        assertThatThrownBy(() -> new PollSchedule.Settings(Duration.ofMinutes(5), Duration.ofHours(6), 1, 2))
                .hasMessageStartingWith("poll jitter must be between 0 and 1");
        assertThat(PollSchedule.Settings.defaults().minInterval()).isEqualTo(Duration.ofMinutes(5));
    }

    private PollSchedule schedule(PollSchedule.Settings settings, Instant now) {
        return new PollSchedule(settings, POLICY, feed -> Optional.ofNullable(health.get(feed)), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static FeedHealth steady(String feed, Duration every, int items, Duration span) {
        return steady(feed, every, items, span, POLICY);
    }

    /** A feed polled every {@code every} for {@code span}, bringing {@code items} new items each time. */
    private static FeedHealth steady(String feed, Duration every, int items, Duration span, FeedHealthPolicy policy) {
        FeedHealth h = FeedHealth.unknown(feed).afterSuccess(items, T0, T0, policy);
        for (Instant t = T0.plus(every); !t.isAfter(T0.plus(span)); t = t.plus(every)) {
            h = h.afterSuccess(items, t, t, policy);
        }
        return h;
    }
}
