package org.ronda.ingest.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pure logic with a real in-memory Micrometer registry and a settable clock; no Quarkus, no network. */
class FeedHealthRegistryTest {

    private static final String FEED = "http://127.0.0.1:8090/kl-daily/feed.xml";
    private static final String OTHER = "http://127.0.0.1:8090/bangkok-herald/atom.xml";
    private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");

    private final SettableClock clock = new SettableClock(T0);
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final FeedHealthRegistry registry = new FeedHealthRegistry(FeedHealthPolicy.defaults(), meters, clock);
    private ExecutorService pool;

    @AfterEach
    void stopPool() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Test
    void anUnknownFeedMayBePolledAndATrackedOneIsListedAsNew() {
        assertThat(registry.shouldPoll(FEED, T0)).isTrue();
        assertThat(registry.health(FEED)).isEmpty();

        registry.track(FEED);

        assertThat(registry.feeds()).extracting(h -> h.state(T0)).containsExactly(FeedHealth.State.NEW);
        assertThat(gauge("ronda_ingest_feed_consecutive_failures", FEED)).isZero();
    }

    @Test
    void aFeedFailingHardFiveTimesIsBackedOffForADayAndMeasuredSo() {
        Instant now = T0;
        for (int i = 0; i < 5; i++) {
            assertThat(registry.shouldPoll(FEED, now)).isTrue();
            registry.recordFailure(FEED, FailureClass.HARD, "HTTP 404 (http://127.0.0.1:8090/kl-daily/feed.xml)", now);
            now = now.plus(Duration.ofMinutes(5));
        }
        Instant fifth = now.minus(Duration.ofMinutes(5));
        clock.set(now);

        assertThat(registry.shouldPoll(FEED, now)).isFalse();
        assertThat(registry.shouldPoll(FEED, fifth.plus(Duration.ofDays(1)))).isTrue();
        assertThat(registry.shouldPoll(OTHER, now)).isTrue();
        assertThat(gauge("ronda_ingest_feed_consecutive_failures", FEED)).isEqualTo(5);
        assertThat(gauge("ronda_ingest_feed_backed_off", FEED)).isEqualTo(1);
        assertThat(meters.get("ronda_ingest_feed_polls").tags("feed", FEED, "outcome", "hard").counter().count()).isEqualTo(5);

        registry.recordSuccess(FEED, 3, now, fifth.plus(Duration.ofDays(1)));
        clock.set(fifth.plus(Duration.ofDays(1)));
        assertThat(gauge("ronda_ingest_feed_consecutive_failures", FEED)).isZero();
        assertThat(gauge("ronda_ingest_feed_backed_off", FEED)).isZero();
        assertThat(meters.get("ronda_ingest_feed_polls").tags("feed", FEED, "outcome", "ok").counter().count()).isEqualTo(1);
    }

    @Test
    void reportsACoverageGapAsItOpensAndClosesIt() {
        Instant now = T0;
        for (int hour = 0; hour <= 72; hour++) {
            now = T0.plus(Duration.ofHours(hour));
            registry.recordSuccess(FEED, 1, now, now);
            registry.recordSuccess(OTHER, 1, now, now);
        }
        Instant lastItem = now;
        for (int hour = 1; hour <= 13; hour++) {
            now = lastItem.plus(Duration.ofHours(hour));
            registry.recordSuccess(FEED, 0, lastItem, now);
            registry.recordSuccess(OTHER, 1, now, now);
        }
        clock.set(now);

        assertThat(registry.gaps()).extracting(CoverageGap::feed).containsExactly(FEED);
        assertThat(gauge("ronda_ingest_feed_gap", FEED)).isEqualTo(1);
        assertThat(gauge("ronda_ingest_feed_gap", OTHER)).isZero();
        assertThat(gauge("ronda_ingest_feed_newest_item_age_seconds", FEED)).isEqualTo(Duration.ofHours(13).toSeconds());

        registry.recordSuccess(FEED, 2, now, now);
        assertThat(registry.gaps()).isEmpty();
        assertThat(gauge("ronda_ingest_feed_gap", FEED)).isZero();
    }

    @Test
    void listsFeedsByUrlAndGapsLongestFirst() {
        String quiet = "http://127.0.0.1:8090/a/feed.xml";
        String quieter = "http://127.0.0.1:8090/b/feed.xml";
        for (int hour = 0; hour <= 48; hour++) {
            Instant t = T0.plus(Duration.ofHours(hour));
            registry.recordSuccess(quieter, 1, t, t);
            registry.recordSuccess(quiet, 1, t, t);
        }
        Instant end = T0.plus(Duration.ofHours(48));
        registry.recordSuccess(quiet, 1, end.plus(Duration.ofHours(2)), end.plus(Duration.ofHours(2)));

        assertThat(registry.feeds()).extracting(FeedHealth::feed).containsExactly(quiet, quieter);
        assertThat(registry.gaps(end.plus(Duration.ofHours(20)))).extracting(CoverageGap::feed).containsExactly(quieter, quiet);
    }

    @Test
    void pollsOfOneFeedFromManyThreadsAreAllCounted() throws Exception {
        pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            done.add(pool.submit(() -> {
                for (int i = 0; i < 1_000; i++) {
                    registry.recordFailure(FEED, FailureClass.TEMPORARY, "timeout", T0);
                    registry.recordSuccess(OTHER, 1, T0, T0.plusSeconds(i));
                }
            }));
        }
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }

        assertThat(registry.health(FEED).orElseThrow().consecutiveFailures()).isEqualTo(8_000);
        assertThat(meters.get("ronda_ingest_feed_polls").tags("feed", FEED, "outcome", "temporary").counter().count()).isEqualTo(8_000);
        assertThat(meters.get("ronda_ingest_feed_polls").tags("feed", OTHER, "outcome", "ok").counter().count()).isEqualTo(8_000);
        assertThat(meters.find("ronda_ingest_feed_gap").gauges()).hasSize(2);
    }

    @Test
    void retryAfterIsRecorded() {
        registry.recordFailure(FEED, FailureClass.TEMPORARY, "HTTP 429", T0, T0.plusSeconds(900));

        assertThat(registry.health(FEED).orElseThrow().retryNotBefore()).isEqualTo(T0.plusSeconds(900));
        assertThat(registry.shouldPoll(FEED, T0.plusSeconds(1))).as("Retry-After is the schedule's business").isTrue();
    }

    private double gauge(String name, String feed) {
        return meters.get(name).tag("feed", feed).gauge().value();
    }

    /** A clock a test moves by hand. */
    static final class SettableClock extends Clock {

        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }
    }
}
