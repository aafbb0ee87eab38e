package org.ronda.ingest.health;

import java.time.Duration;

/**
 * The rules feed health is judged by; see {@link FeedHealthConfig} for what each one means.
 * Invalid values are refused with the name of the property to change.
 */
public record FeedHealthPolicy(int hardFailuresBeforeBackoff, Duration hardBackoff, Duration maxHardBackoff,
        Duration rateHalfLife, double gapFactor, Duration gapFloor, Duration gapMinHistory, int gapMinNewItems) {

    private static final String PREFIX = "ronda.ingest.health.";

    public FeedHealthPolicy {
        require(hardFailuresBeforeBackoff >= 1, "hard-failures-before-backoff", "at least 1", hardFailuresBeforeBackoff);
        require(positive(hardBackoff), "hard-backoff", "a positive duration", hardBackoff);
        require(positive(maxHardBackoff) && maxHardBackoff.compareTo(hardBackoff) >= 0, "max-hard-backoff",
                "at least hard-backoff (" + hardBackoff + ")", maxHardBackoff);
        require(positive(rateHalfLife), "rate-half-life", "a positive duration", rateHalfLife);
        require(gapFactor >= 1 && Double.isFinite(gapFactor), "gap-factor", "a number of at least 1", gapFactor);
        require(positive(gapFloor), "gap-floor", "a positive duration", gapFloor);
        require(gapMinHistory != null && !gapMinHistory.isNegative(), "gap-min-history", "zero or a positive duration", gapMinHistory);
        require(gapMinNewItems >= 0, "gap-min-new-items", "zero or more", gapMinNewItems);
    }

    /** The defaults of {@link FeedHealthConfig}. */
    public static FeedHealthPolicy defaults() {
        return new FeedHealthPolicy(5, Duration.ofHours(24), Duration.ofDays(7), Duration.ofHours(48), 4,
                Duration.ofHours(12), Duration.ofHours(24), 3);
    }

    /** The policy configured under {@code ronda.ingest.health}. */
    public static FeedHealthPolicy from(FeedHealthConfig config) {
        return new FeedHealthPolicy(config.hardFailuresBeforeBackoff(), config.hardBackoff(), config.maxHardBackoff(),
                config.rateHalfLife(), config.gapFactor(), config.gapFloor(), config.gapMinHistory(), config.gapMinNewItems());
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }

    private static void require(boolean ok, String property, String expected, Object actual) {
        if (!ok) {
            throw new IllegalArgumentException(PREFIX + property + " must be " + expected + ", got " + actual);
        }
    }
}
