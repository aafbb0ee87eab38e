package org.ronda.accounting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The reconciliation of the stages for a window: ingest's input, the enrich stage (raw articles of
 * the window to enriched or dead-lettered), the index stage (enriched articles of the window to the
 * search alias or dead-lettered), and optionally alerts.
 *
 * @param from        window start (inclusive), on the raw events' Kafka timestamps
 * @param to          window end (exclusive)
 * @param generatedAt when the topics and the alias were read
 * @param balanced    true when every article that entered a stage came out of it somewhere
 * @param ingest      what ingest put in
 * @param enrich      the enrich stage
 * @param index       the index stage
 * @param alerts      alerts about the window's articles, or null when not asked for
 * @param notes       what the figures do not cover (missing topics, unreadable records, lifetime counters)
 */
public record ReconcileReport(Instant from, Instant to, Instant generatedAt, boolean balanced, IngestAccount ingest,
        StageAccount enrich, StageAccount index, AlertsAccount alerts, List<String> notes) {

    /** Every unaccounted article id, each with the stage it is stuck in or was lost after: {@code stage id}. */
    public List<String> unaccounted() {
        List<String> all = new ArrayList<>();
        enrich.unaccounted().forEach(id -> all.add(enrich.stage() + " " + id));
        index.unaccounted().forEach(id -> all.add(index.stage() + " " + id));
        return all;
    }
}
