package org.ronda.ingest.health;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Feed health settings, under {@code ronda.ingest.health}. Read into a {@link FeedHealthPolicy},
 * which rejects impossible values at start-up with the property's name.
 */
@ConfigMapping(prefix = "ronda.ingest.health")
public interface FeedHealthConfig {

    /** Hard failures in a row (404, 410, DNS failure, blocked address, robots.txt disallow) after which a feed is backed off. */
    @WithDefault("5")
    int hardFailuresBeforeBackoff();

    /** How long a feed is left alone once backed off; doubled at each further hard failure, up to {@link #maxHardBackoff()}. */
    @WithDefault("24h")
    Duration hardBackoff();

    /** The longest back-off. */
    @WithDefault("168h")
    Duration maxHardBackoff();

    /** Half-life of the items-per-day average: how fast the estimate follows a feed that changes its pace. */
    @WithDefault("48h")
    Duration rateHalfLife();

    /**
     * A coverage gap is reported when a feed's newest item is older than this many of its usual
     * intervals between items, and older than {@link #gapFloor()}.
     */
    @WithDefault("4")
    double gapFactor();

    /** The shortest age of a newest item that counts as a gap, so that a busy feed's quiet night is not one. */
    @WithDefault("12h")
    Duration gapFloor();

    /** Feeds whose successful polls span less than this are not judged for gaps: their usual pace is not known yet. */
    @WithDefault("24h")
    Duration gapMinHistory();

    /** Feeds that have brought fewer new items than this since their first successful poll are not judged for gaps. */
    @WithDefault("3")
    int gapMinNewItems();
}
