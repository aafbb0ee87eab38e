package org.ronda.ingest.health;

import java.time.Instant;

/**
 * One feed's health as listed by {@code GET /ingest/feeds}.
 *
 * @param feed                the feed URL
 * @param source              the id of the source that lists it, or null for a feed found by discovery or a sitemap index
 * @param state               NEW, OK, FAILING or BACKED_OFF
 * @param lastAttempt         last poll, or null
 * @param lastSuccess         last successful poll, or null
 * @param consecutiveFailures failed polls since the last success
 * @param lastFailureClass    temporary, soft or hard, or null
 * @param lastFailureReason   short reason, or null
 * @param lastFailureAt       time of the last failure, or null
 * @param backedOffUntil      no poll before this, or null
 * @param itemsPerDay         expected new items per day
 * @param newItemsLastPoll    new items in the last successful poll
 * @param newestItem          newest item date seen, or null
 * @param gap                 true when a coverage gap is reported for the feed
 */
public record FeedStatus(String feed, String source, FeedHealth.State state, Instant lastAttempt, Instant lastSuccess,
        int consecutiveFailures, FailureClass lastFailureClass, String lastFailureReason, Instant lastFailureAt,
        Instant backedOffUntil, double itemsPerDay, int newItemsLastPoll, Instant newestItem, boolean gap) {

    /** The status of {@code health} at {@code now}. */
    public static FeedStatus of(FeedHealth health, String source, Instant now, FeedHealthPolicy policy) {
        return new FeedStatus(health.feed(), source, health.state(now), health.lastAttempt(), health.lastSuccess(),
                health.consecutiveFailures(), health.lastFailureClass(), health.lastFailureReason(), health.lastFailureAt(),
                health.backedOffUntil(), Math.round(health.itemsPerDay(policy) * 10) / 10.0, health.newItemsLastPoll(),
                health.newestItem(), health.gap(now, policy).isPresent());
    }
}
