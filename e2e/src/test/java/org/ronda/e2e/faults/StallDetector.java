package org.ronda.e2e.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides, from samples of one consumer group's committed offsets and lag, whether its stage has
 * stalled: work is waiting (lag above zero) and the committed offsets have not moved for longer
 * than the stall limit. While a deliberate outage is declared the clock is held, and it restarts
 * when the outage ends, so a stage gets the full limit to resume after it. Pure logic, no Kafka.
 */
final class StallDetector {

    private final String stage;
    private final Duration limit;
    private Long committed;
    private long lag;
    private Instant lastProgress;
    private Instant outageSince;
    private Instant outageEnded;

    StallDetector(String stage, Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("stall limit must be positive, got " + limit);
        }
        this.stage = stage;
        this.limit = limit;
    }

    /** One sample: the sum of the group's committed offsets and its lag, over the watched partitions. */
    synchronized void observe(Instant at, long committedSum, long lagSum) {
        if (committed == null || committedSum != committed || lagSum == 0) {
            lastProgress = at;
        }
        committed = committedSum;
        lag = lagSum;
    }

    synchronized void outageBegan(Instant at) {
        outageSince = at;
    }

    synchronized void outageEnded(Instant at) {
        outageSince = null;
        outageEnded = at;
    }

    /** Why the stage counts as stalled at {@code now}, or empty while it is making progress, idle, or in a declared outage. */
    synchronized Optional<String> stall(Instant now) {
        if (committed == null || lag == 0 || outageSince != null) {
            return Optional.empty();
        }
        Instant since = outageEnded != null && outageEnded.isAfter(lastProgress) ? outageEnded : lastProgress;
        Duration stalled = Duration.between(since, now);
        if (stalled.compareTo(limit) < 0) {
            return Optional.empty();
        }
        return Optional.of(String.format("%s stalled: lag %d with committed offsets unchanged at %d for %d s (limit %d s%s)",
                stage, lag, committed, stalled.toSeconds(), limit.toSeconds(),
                outageEnded == null ? "" : ", counted from the end of the declared outage when later"));
    }
}
