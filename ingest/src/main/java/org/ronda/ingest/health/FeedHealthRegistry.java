package org.ronda.ingest.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.ToDoubleFunction;
import org.jboss.logging.Logger;

/**
 * The health of every feed this instance polls, kept in memory (a restart starts each feed from
 * scratch). The poller reports each poll's outcome; the REST resource and the metrics read it.
 * Thread-safe: each feed's snapshot is replaced atomically, so polls of different feeds in
 * parallel never block one another.
 *
 * <p>Metrics, tagged {@code feed}: gauges {@code ronda_ingest_feed_consecutive_failures},
 * {@code ronda_ingest_feed_backed_off} (0/1), {@code ronda_ingest_feed_gap} (0/1),
 * {@code ronda_ingest_feed_items_per_day}, {@code ronda_ingest_feed_newest_item_age_seconds}; and
 * the counter {@code ronda_ingest_feed_polls} with {@code outcome} = ok, temporary, soft or hard,
 * incremented once per reported poll.
 */
@ApplicationScoped
public class FeedHealthRegistry {

    private static final Logger LOG = Logger.getLogger(FeedHealthRegistry.class);

    private final ConcurrentMap<String, FeedHealth> feeds = new ConcurrentHashMap<>();
    private final Set<String> metered = ConcurrentHashMap.newKeySet();
    private final FeedHealthPolicy policy;
    private final MeterRegistry meters;
    private final Clock clock;

    @Inject
    FeedHealthRegistry(FeedHealthConfig config, MeterRegistry meters) {
        this(FeedHealthPolicy.from(config), meters, Clock.systemUTC());
    }

    /**
     * A registry judging by {@code policy}; {@code clock} is read only by the gauges and by
     * {@link #gaps()}, every recorded event carries its own time.
     */
    public FeedHealthRegistry(FeedHealthPolicy policy, MeterRegistry meters, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.meters = Objects.requireNonNull(meters, "meters");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Makes {@code feed} known before its first poll, so that it is listed and measured from the start. */
    public void track(String feed) {
        feeds.computeIfAbsent(feed, FeedHealth::unknown);
        meter(feed);
    }

    /**
     * Records a successful poll.
     *
     * @param newItems       items in the document not seen before (0 is a success too; an empty document is not: report that as a SOFT failure)
     * @param newestItemTime the newest item date in the document, or null when no item has a date
     */
    public void recordSuccess(String feed, int newItems, Instant newestItemTime, Instant now) {
        FeedHealth before = feeds.get(feed);
        FeedHealth after = feeds.compute(feed, (f, h) -> (h == null ? FeedHealth.unknown(f) : h)
                .afterSuccess(newItems, newestItemTime, now, policy));
        meter(feed);
        count(feed, "ok");
        if (before != null && before.consecutiveHardFailures() >= policy.hardFailuresBeforeBackoff()) {
            LOG.infof("feed %s answers again after %d hard failures", feed, before.consecutiveHardFailures());
        }
        LOG.debugf("feed %s ok: %d new items, %.1f items/day", feed, newItems, after.itemsPerDay(policy));
    }

    /** Records a failed poll. */
    public void recordFailure(String feed, FailureClass failure, String reason, Instant now) {
        recordFailure(feed, failure, reason, now, null);
    }

    /**
     * Records a failed poll.
     *
     * @param reason         a short reason with a code or status, never a document body
     * @param retryNotBefore the time a 429 or 503 response's Retry-After names, or null
     */
    public void recordFailure(String feed, FailureClass failure, String reason, Instant now, Instant retryNotBefore) {
        FeedHealth after = feeds.compute(feed, (f, h) -> (h == null ? FeedHealth.unknown(f) : h)
                .afterFailure(failure, reason, now, retryNotBefore, policy));
        meter(feed);
        count(feed, failure.label());
        if (after.backedOffUntil() != null) {
            LOG.warnf("feed %s backed off until %s after %d hard failures in a row, last: %s", feed, after.backedOffUntil(),
                    after.consecutiveHardFailures(), after.lastFailureReason());
        }
    }

    /** False while {@code feed} is backed off after repeated hard failures; true otherwise, also for an unknown feed. */
    public boolean shouldPoll(String feed, Instant now) {
        FeedHealth health = feeds.get(feed);
        return health == null || !health.backedOff(now);
    }

    /** The health of {@code feed}, if it has been tracked or polled. */
    public Optional<FeedHealth> health(String feed) {
        return Optional.ofNullable(feeds.get(feed));
    }

    /** Every known feed's health, ordered by URL. */
    public List<FeedHealth> feeds() {
        return feeds.values().stream().sorted(Comparator.comparing(FeedHealth::feed)).toList();
    }

    /** The coverage gaps at {@code now}, longest first. */
    public List<CoverageGap> gaps(Instant now) {
        return feeds.values().stream()
                .flatMap(h -> h.gap(now, policy).stream())
                .sorted(Comparator.comparing(CoverageGap::age).reversed().thenComparing(CoverageGap::feed))
                .toList();
    }

    /** The coverage gaps now. */
    public List<CoverageGap> gaps() {
        return gaps(clock.instant());
    }

    /** The rules health is judged by. */
    public FeedHealthPolicy policy() {
        return policy;
    }

    /** The clock the gauges and {@link #gaps()} read. */
    public Clock clock() {
        return clock;
    }

    private void meter(String feed) {
        if (!metered.add(feed)) {
            return;
        }
        gauge("ronda_ingest_feed_consecutive_failures", feed, "failed polls since the last success", FeedHealth::consecutiveFailures);
        gauge("ronda_ingest_feed_backed_off", feed, "1 while the feed is backed off after hard failures",
                h -> h.backedOff(clock.instant()) ? 1 : 0);
        gauge("ronda_ingest_feed_gap", feed, "1 while the feed shows a coverage gap", h -> h.gap(clock.instant(), policy).isPresent() ? 1 : 0);
        gauge("ronda_ingest_feed_items_per_day", feed, "expected new items per day", h -> h.itemsPerDay(policy));
        gauge("ronda_ingest_feed_newest_item_age_seconds", feed, "age of the newest item seen, NaN when unknown",
                h -> h.newestItem() == null ? Double.NaN : Duration.between(h.newestItem(), clock.instant()).toSeconds());
    }

    private void gauge(String name, String feed, String description, ToDoubleFunction<FeedHealth> value) {
        Gauge.builder(name, this, r -> {
            FeedHealth health = r.feeds.get(feed);
            return health == null ? Double.NaN : value.applyAsDouble(health);
        }).tag("feed", feed).description(description).register(meters);
    }

    private void count(String feed, String outcome) {
        meters.counter("ronda_ingest_feed_polls", "feed", feed, "outcome", outcome).increment();
    }
}
