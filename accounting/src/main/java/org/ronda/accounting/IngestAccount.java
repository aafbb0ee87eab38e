package org.ronda.accounting;

import java.util.Map;

/**
 * What ingest put into the pipeline in the window, from its topics, and its lifetime item counters
 * when its metrics were read.
 *
 * @param rawRecords        raw-article records written in the window
 * @param articles          distinct article ids among them (the articles that enter enrich)
 * @param republished       {@code rawRecords - articles}: the same article published again (a crash
 *                          between publish and seen marker), harmless downstream
 * @param unidentified      raw records with neither an article id nor a key; they enter enrich under
 *                          their coordinates ({@code topic-partition@offset})
 * @param deadLettered      ingest dead letters written in the window (items that never became a raw article)
 * @param deadLetterReasons {@code deadLettered} by reason
 * @param counters          ingest's item counters since it started, or null
 * @param countersNote      why {@code counters} is null, or what they cover
 */
public record IngestAccount(long rawRecords, long articles, long republished, long unidentified, long deadLettered,
        Map<String, Long> deadLetterReasons, IngestCounters counters, String countersNote) {
}
