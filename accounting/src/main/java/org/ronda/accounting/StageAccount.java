package org.ronda.accounting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How the articles that entered one stage came out of it. Every article that entered is in exactly
 * one of {@code out} (it reached the stage's output), {@code deadLettered} (only in the stage's
 * dead-letter topic) or {@code unaccounted} (nowhere: stuck in the stage or lost), so
 * {@code entered == out + deadLettered + unaccountedCount} always holds and the stage balances when
 * nothing is unaccounted.
 *
 * @param stage             {@code enrich} or {@code index}
 * @param input             where the stage's articles come from (a topic)
 * @param output            where they go (a topic, or an index alias)
 * @param outLabel          the outcome name of a success ({@code enriched}, {@code indexed})
 * @param entered           distinct articles that entered
 * @param out               of those, articles found in the output
 * @param deadLettered      of those, articles found only in the dead-letter topic
 * @param deadLetterReasons {@code deadLettered} by reason (the reason of the article's latest dead letter)
 * @param recovered         articles in the output that were also dead-lettered once (for example replayed after a fix); counted in {@code out}
 * @param unaccountedCount  articles found neither in the output nor among the dead letters
 * @param unaccounted       their ids, sorted, at most the listing limit
 * @param balanced          true when {@code unaccountedCount} is zero
 */
public record StageAccount(String stage, String input, String output, String outLabel, long entered, long out, long deadLettered,
        Map<String, Long> deadLetterReasons, long recovered, long unaccountedCount, List<String> unaccounted, boolean balanced) {

    /**
     * The account of a stage.
     *
     * @param entered      ids of the articles that entered the stage
     * @param cameOut      ids seen in the stage's output (may hold ids that did not enter; those are ignored)
     * @param deadLetters  article id to dead-letter reason, for the stage's dead letters (ids that did not enter are ignored)
     * @param maxListedIds how many unaccounted ids to list at most
     */
    public static StageAccount of(String stage, String input, String output, String outLabel, Set<String> entered,
            Set<String> cameOut, Map<String, String> deadLetters, int maxListedIds) {
        long out = 0;
        long dead = 0;
        long recovered = 0;
        Map<String, Long> reasons = new TreeMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : entered) {
            String reason = deadLetters.get(id);
            if (cameOut.contains(id)) {
                out++;
                if (reason != null) {
                    recovered++;
                }
            } else if (reason != null) {
                dead++;
                reasons.merge(reason, 1L, Long::sum);
            } else {
                missing.add(id);
            }
        }
        Collections.sort(missing);
        List<String> listed = List.copyOf(missing.subList(0, Math.min(missing.size(), Math.max(0, maxListedIds))));
        return new StageAccount(stage, input, output, outLabel, entered.size(), out, dead, Map.copyOf(reasons), recovered,
                missing.size(), listed, missing.isEmpty());
    }
}
