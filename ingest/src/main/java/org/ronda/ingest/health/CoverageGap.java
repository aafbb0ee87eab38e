package org.ronda.ingest.health;

import java.time.Duration;
import java.time.Instant;

/**
 * A feed that has gone quiet for much longer than usual: its articles may be missing from Ronda.
 * The cause may be the feed (stopped, moved, failing) or the outlet (stopped publishing); the
 * failure fields tell which it looks like.
 *
 * @param feed                the feed URL
 * @param latest              the latest sign of new content: newest item date or last poll with new items
 * @param age                 how long ago that was
 * @param threshold           the age beyond which a gap is reported for this feed
 * @param usualInterval       the feed's usual time between new items
 * @param lastSuccess         the last successful poll, or null
 * @param consecutiveFailures failed polls since then
 * @param lastFailureClass    class of the last failure, or null
 * @param lastFailureReason   reason of the last failure, or null
 */
public record CoverageGap(String feed, Instant latest, Duration age, Duration threshold, Duration usualInterval,
        Instant lastSuccess, int consecutiveFailures, FailureClass lastFailureClass, String lastFailureReason) {
}
