package org.ronda.ingest.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What is known about one feed (or sitemap) URL: an immutable snapshot. Each poll outcome makes a
 * new one through {@link #afterSuccess} or {@link #afterFailure}; {@link FeedHealthRegistry} keeps
 * the current snapshot per feed.
 *
 * <p>The rate of new items is an exponentially weighted average over time, not over polls, so it
 * means the same whether a feed is polled every five minutes or every six hours: decayed item count
 * over decayed elapsed time, with a half-life from the policy. Until a feed has history, a prior of
 * {@value #PRIOR_ITEMS_PER_DAY} items per day, itself decaying, keeps it polled often enough to learn.
 *
 * @param feed                    the feed URL
 * @param firstSuccess            the first successful poll this process saw, or null
 * @param lastAttempt             the last poll, successful or not, or null
 * @param lastSuccess             the last successful poll, or null
 * @param consecutiveFailures     failed polls since the last success, of any class
 * @param consecutiveHardFailures hard failures in a row, reset by a success or by a failure of another class
 * @param lastFailureClass        class of the last failure, or null; kept after a success, for the record
 * @param lastFailureReason       short reason of the last failure, or null
 * @param lastFailureAt           time of the last failure, or null
 * @param backedOffUntil          no poll before this, after too many hard failures; or null
 * @param retryNotBefore          no poll before this, as the server asked (Retry-After); or null
 * @param observedItems           new items seen after the first success, exponentially decayed
 * @param observedDays            days elapsed between successful polls, decayed alike
 * @param usualItemsPerDay        the observed rate as it stood when new items last arrived: the feed's
 *                                usual pace, which silence does not wear down; 0 when unknown
 * @param newItemsLastPoll        new items in the last successful poll
 * @param newItemsSeen            new items in every successful poll after the first
 * @param newestItem              the newest item date seen, or null when items carry no usable date
 * @param lastNewItemsAt          when a successful poll last brought new items, or null
 */
public record FeedHealth(
        String feed,
        Instant firstSuccess,
        Instant lastAttempt,
        Instant lastSuccess,
        int consecutiveFailures,
        int consecutiveHardFailures,
        FailureClass lastFailureClass,
        String lastFailureReason,
        Instant lastFailureAt,
        Instant backedOffUntil,
        Instant retryNotBefore,
        double observedItems,
        double observedDays,
        double usualItemsPerDay,
        int newItemsLastPoll,
        long newItemsSeen,
        Instant newestItem,
        Instant lastNewItemsAt) {

    /** The rate assumed for a feed with no history: one item every quarter of an hour. */
    public static final double PRIOR_ITEMS_PER_DAY = 96;

    /**
     * How much the prior weighs at first, as a fraction of the rate's half-life (1/16 of the default
     * 48 h is 3 h of observation); it then decays with that half-life. Tied to the half-life so that
     * a demo running on a scale of seconds, with a half-life of minutes, learns as fast in its own time.
     */
    static final double PRIOR_WEIGHT_PER_HALF_LIFE = 1.0 / 16;

    /**
     * Item dates up to this far in the future count as now: regional feeds often label local time as
     * UTC. Further out, the date is a bug and is ignored.
     */
    static final Duration FUTURE_TOLERANCE = Duration.ofHours(24);

    /** Reasons are for people reading a list of feeds; a stack trace or a page body is not one. */
    static final int MAX_REASON_LENGTH = 300;

    private static final double SECONDS_PER_DAY = 86_400;

    /** How a feed stands. */
    public enum State {
        /** Not polled yet. */
        NEW,
        /** The last poll succeeded. */
        OK,
        /** The last poll failed; retried at growing intervals. */
        FAILING,
        /** Failed hard too often in a row; not polled until {@link #backedOffUntil()}. */
        BACKED_OFF
    }

    public FeedHealth {
        Objects.requireNonNull(feed, "feed");
    }

    /** A feed never polled. */
    public static FeedHealth unknown(String feed) {
        return new FeedHealth(feed, null, null, null, 0, 0, null, null, null, null, null, 0, 0, 0, 0, 0, null, null);
    }

    /**
     * The health after a successful poll.
     *
     * @param newItems       items in this poll that had not been seen before
     * @param newestItemTime the newest item date in the document, or null
     */
    public FeedHealth afterSuccess(int newItems, Instant newestItemTime, Instant now, FeedHealthPolicy policy) {
        if (newItems < 0) {
            throw new IllegalArgumentException("newItems must not be negative, got " + newItems);
        }
        Objects.requireNonNull(now, "now");
        Instant newest = later(newestItem, plausible(newestItemTime, now));
        if (firstSuccess == null) {
            // The first poll shows what the feed holds, not how fast it fills: it sets the baseline only.
            return new FeedHealth(feed, now, now, now, 0, 0, lastFailureClass, lastFailureReason, lastFailureAt, null, null,
                    0, 0, 0, newItems, 0, newest, newItems > 0 ? now : lastNewItemsAt);
        }
        double elapsedDays = Math.max(0, days(Duration.between(lastSuccess, now)));
        double decay = decay(elapsedDays, policy);
        double items = observedItems * decay + newItems;
        double elapsed = observedDays * decay + elapsedDays;
        boolean arrived = newItems > 0;
        double usual = arrived && elapsed > 0 ? items / elapsed : usualItemsPerDay;
        return new FeedHealth(feed, firstSuccess, now, now, 0, 0, lastFailureClass, lastFailureReason, lastFailureAt, null, null,
                items, elapsed, usual, newItems, newItemsSeen + newItems, newest, arrived ? now : lastNewItemsAt);
    }

    /**
     * The health after a failed poll. The {@link FeedHealthPolicy#hardFailuresBeforeBackoff()}th
     * hard failure in a row backs the feed off for {@link FeedHealthPolicy#hardBackoff()}, each
     * further one for twice as long, up to {@link FeedHealthPolicy#maxHardBackoff()}.
     *
     * @param retryNotBefore the time the server asked not to be polled before (Retry-After), or null;
     *                       capped at {@link FeedHealthPolicy#hardBackoff()} from now
     */
    public FeedHealth afterFailure(FailureClass failure, String reason, Instant now, Instant retryNotBefore, FeedHealthPolicy policy) {
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(now, "now");
        int hard = failure == FailureClass.HARD ? consecutiveHardFailures + 1 : 0;
        Instant until = null;
        if (hard >= policy.hardFailuresBeforeBackoff()) {
            int doublings = Math.min(hard - policy.hardFailuresBeforeBackoff(), 20);
            Duration backoff = policy.hardBackoff().multipliedBy(1L << doublings);
            until = now.plus(backoff.compareTo(policy.maxHardBackoff()) > 0 ? policy.maxHardBackoff() : backoff);
        }
        Instant notBefore = null;
        if (retryNotBefore != null && retryNotBefore.isAfter(now)) {
            Instant cap = now.plus(policy.hardBackoff());
            notBefore = retryNotBefore.isAfter(cap) ? cap : retryNotBefore;
        }
        return new FeedHealth(feed, firstSuccess, now, lastSuccess, consecutiveFailures + 1, hard, failure, shortReason(reason), now,
                until, notBefore, observedItems, observedDays, usualItemsPerDay, newItemsLastPoll, newItemsSeen, newestItem,
                lastNewItemsAt);
    }

    /** How the feed stands at {@code now}. */
    public State state(Instant now) {
        if (lastAttempt == null) {
            return State.NEW;
        }
        if (backedOff(now)) {
            return State.BACKED_OFF;
        }
        return consecutiveFailures > 0 ? State.FAILING : State.OK;
    }

    /** True while the feed is backed off after hard failures. */
    public boolean backedOff(Instant now) {
        return backedOffUntil != null && now.isBefore(backedOffUntil);
    }

    /**
     * The expected number of new items per day: the observed rate blended with the prior while
     * history is short. Used to choose how often to poll.
     */
    public double itemsPerDay(FeedHealthPolicy policy) {
        double age = firstSuccess == null || lastSuccess == null ? 0 : days(Duration.between(firstSuccess, lastSuccess));
        double priorWeight = days(policy.rateHalfLife()) * PRIOR_WEIGHT_PER_HALF_LIFE * decay(age, policy);
        return (observedItems + PRIOR_ITEMS_PER_DAY * priorWeight) / (observedDays + priorWeight);
    }

    /** The usual time between new items, once new items have been seen to arrive. */
    public Optional<Duration> usualInterval() {
        if (usualItemsPerDay <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Math.round(SECONDS_PER_DAY * 1000 / usualItemsPerDay)));
    }

    /**
     * The coverage gap at {@code now}, if there is one: the latest sign of new content (the newest
     * item date, or the last poll that brought new items, whichever is later) is older than
     * {@code max(gapFactor × usual interval, gapFloor)}. A feed is not judged until its successful
     * polls span {@code gapMinHistory} and have brought {@code gapMinNewItems} new items: before
     * that its usual pace is a guess. (A feed that fails from the start is reported by its state,
     * not as a gap.)
     */
    public Optional<CoverageGap> gap(Instant now, FeedHealthPolicy policy) {
        if (firstSuccess == null || newItemsSeen < policy.gapMinNewItems()
                || Duration.between(firstSuccess, lastSuccess).compareTo(policy.gapMinHistory()) < 0) {
            return Optional.empty();
        }
        Instant latest = later(newestItem, lastNewItemsAt);
        Optional<Duration> usual = usualInterval();
        if (latest == null || usual.isEmpty()) {
            return Optional.empty();
        }
        Duration scaled = Duration.ofMillis(Math.round(usual.get().toMillis() * policy.gapFactor()));
        Duration threshold = scaled.compareTo(policy.gapFloor()) > 0 ? scaled : policy.gapFloor();
        Duration age = Duration.between(latest, now);
        if (age.compareTo(threshold) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new CoverageGap(feed, latest, age, threshold, usual.get(), lastSuccess, consecutiveFailures,
                lastFailureClass, lastFailureReason));
    }

    private static double decay(double elapsedDays, FeedHealthPolicy policy) {
        return Math.pow(0.5, elapsedDays / days(policy.rateHalfLife()));
    }

    private static double days(Duration d) {
        return d.toMillis() / (SECONDS_PER_DAY * 1000);
    }

    private static Instant plausible(Instant itemTime, Instant now) {
        if (itemTime == null || itemTime.isAfter(now.plus(FUTURE_TOLERANCE))) {
            return null;
        }
        return itemTime.isAfter(now) ? now : itemTime;
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static String shortReason(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        String flat = reason.strip().replaceAll("\\s+", " ");
        return flat.length() <= MAX_REASON_LENGTH ? flat : flat.substring(0, MAX_REASON_LENGTH - 1) + "…";
    }
}
