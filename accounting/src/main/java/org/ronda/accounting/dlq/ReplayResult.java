package org.ronda.accounting.dlq;

import java.util.List;

/**
 * What a replay did (or, for a dry run, would do).
 *
 * @param topic            the dead-letter topic
 * @param reason           the reason filter, or null for every reason
 * @param dryRun           true when nothing was written
 * @param matched          dead letters that matched the filter
 * @param replayed         one line per dead letter replayed: {@code dead-letter coordinates -> target topic (source coordinates)}
 * @param alreadyReplayed  matched dead letters skipped because a marker says they were replayed before
 * @param notReplayable    one line per matched dead letter that cannot be replayed, with why
 */
public record ReplayResult(String topic, String reason, boolean dryRun, long matched, List<String> replayed, long alreadyReplayed,
        List<String> notReplayable) {
}
