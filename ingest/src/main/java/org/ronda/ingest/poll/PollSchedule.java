package org.ronda.ingest.poll;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.ronda.ingest.health.FeedHealth;
import org.ronda.ingest.health.FeedHealthPolicy;

/**
 * When to poll each feed next, from what its {@link FeedHealth} says. Pure: no I/O, no state of its
 * own, and the clock is injected, so the same health and clock give the same answer.
 *
 * <ul>
 * <li>A busy feed is polled often, a quiet one rarely: the interval is the time in which
 *     {@link Settings#targetNewItemsPerPoll()} new items are expected at the feed's rate, kept
 *     between {@link Settings#minInterval()} and {@link Settings#maxInterval()}.</li>
 * <li>After a failure the interval doubles per failure in a row (never below the regular
 *     interval, never above the maximum), so a broken feed is not hammered.</li>
 * <li>A feed backed off after repeated hard failures waits until {@link FeedHealth#backedOffUntil()};
 *     a server's Retry-After is honoured through {@link FeedHealth#retryNotBefore()}.</li>
 * <li>Each interval is stretched by up to {@link Settings#jitter()} by a hash of the feed and its
 *     last attempt, so feeds added together drift apart instead of being polled in one burst.</li>
 * </ul>
 */
public final class PollSchedule {

    /**
     * Scheduling bounds.
     *
     * @param minInterval           the shortest interval between polls of one feed (production 5 min; tests and demo may
     *                              use seconds, with a rate half-life of minutes so the rate is learnt on that scale too)
     * @param maxInterval           the longest interval, also the cap of failure back-off short of a hard back-off
     * @param targetNewItemsPerPoll new items a poll should find on average; 1 means a poll about when one item is expected
     * @param jitter                the largest stretch of an interval, as a fraction (0.1 = up to 10 % longer); 0 for none
     */
    public record Settings(Duration minInterval, Duration maxInterval, double targetNewItemsPerPoll, double jitter) {

        public Settings {
            if (minInterval == null || minInterval.isNegative() || minInterval.isZero()) {
                throw new IllegalArgumentException("minimum poll interval must be positive, got " + minInterval);
            }
            if (maxInterval == null || maxInterval.compareTo(minInterval) < 0) {
                throw new IllegalArgumentException("maximum poll interval must be at least the minimum " + minInterval + ", got " + maxInterval);
            }
            if (!(targetNewItemsPerPoll > 0) || Double.isInfinite(targetNewItemsPerPoll)) {
                throw new IllegalArgumentException("target new items per poll must be a positive number, got " + targetNewItemsPerPoll);
            }
            if (!(jitter >= 0 && jitter <= 1)) {
                throw new IllegalArgumentException("poll jitter must be between 0 and 1, got " + jitter);
            }
        }

        /** 5 minutes to 6 hours, one new item per poll, up to 10 % jitter. */
        public static Settings defaults() {
            return new Settings(Duration.ofMinutes(5), Duration.ofHours(6), 1.0, 0.1);
        }
    }

    private static final double MILLIS_PER_DAY = 86_400_000d;

    private final Settings settings;
    private final FeedHealthPolicy policy;
    private final Function<String, Optional<FeedHealth>> health;
    private final Clock clock;

    /**
     * @param health the current health of a feed, e.g. {@code FeedHealthRegistry::health}
     * @param policy the policy the health was recorded under, for its rate half-life
     */
    public PollSchedule(Settings settings, FeedHealthPolicy policy, Function<String, Optional<FeedHealth>> health, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.health = Objects.requireNonNull(health, "health");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The regular interval of {@code feed} from its rate of new items, without failure back-off or
     * jitter: the minimum for a feed never polled.
     */
    public Duration interval(String feed) {
        return health.apply(feed).map(this::regularInterval).orElse(settings.minInterval());
    }

    /** {@link #nextPoll(String, Instant)} at the clock's now. */
    public Instant nextPoll(String feed) {
        return nextPoll(feed, clock.instant());
    }

    /**
     * When {@code feed} should be polled next, as seen at {@code now}: {@code now} itself for a feed
     * never polled, else its last attempt plus its interval, and never before a back-off or
     * Retry-After ends.
     */
    public Instant nextPoll(String feed, Instant now) {
        Optional<FeedHealth> known = health.apply(feed);
        if (known.isEmpty() || known.get().lastAttempt() == null) {
            // The caller's reading, not a new one: a clock read later is later, and the feed would never be due.
            return now;
        }
        FeedHealth h = known.get();
        Duration interval = regularInterval(h);
        if (h.consecutiveFailures() > 0) {
            Duration backoff = settings.minInterval().multipliedBy(1L << Math.min(h.consecutiveFailures(), 30));
            interval = min(max(interval, backoff), settings.maxInterval());
        }
        Instant next = h.lastAttempt().plus(withJitter(interval, feed, h.lastAttempt()));
        next = later(next, h.backedOffUntil());
        return later(next, h.retryNotBefore());
    }

    /** True when {@code feed} should be polled at {@code now}. */
    public boolean due(String feed, Instant now) {
        return !now.isBefore(nextPoll(feed, now));
    }

    /** True when {@code feed} should be polled at the clock's now. */
    public boolean due(String feed) {
        return due(feed, clock.instant());
    }

    private Duration regularInterval(FeedHealth h) {
        double itemsPerDay = h.itemsPerDay(policy);
        if (!(itemsPerDay > 0)) {
            return settings.maxInterval();
        }
        double millis = settings.targetNewItemsPerPoll() / itemsPerDay * MILLIS_PER_DAY;
        if (millis >= settings.maxInterval().toMillis()) {
            return settings.maxInterval();
        }
        return max(Duration.ofMillis(Math.round(millis)), settings.minInterval());
    }

    private Duration withJitter(Duration interval, String feed, Instant lastAttempt) {
        if (settings.jitter() == 0) {
            return interval;
        }
        // A hash, not a random number: the schedule stays a pure function of its inputs.
        int hash = Objects.hash(feed, lastAttempt) * 0x9E3779B1;
        double fraction = (hash >>> 8) / (double) (1 << 24);
        return interval.plusMillis(Math.round(interval.toMillis() * settings.jitter() * fraction));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return b == null || a.isAfter(b) ? a : b;
    }
}
