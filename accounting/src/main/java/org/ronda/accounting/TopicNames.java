package org.ronda.accounting;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The topics a reconciliation reads. Callers pass them from their configuration (the CLI's options,
 * the search service's settings); nothing in the accounting logic names a topic.
 *
 * @param raw              raw articles (ingest's output)
 * @param enriched         enriched articles (enrich's output)
 * @param ingestDeadLetter ingest's dead letters
 * @param enrichDeadLetter enrich's dead letters
 * @param indexDeadLetter  index's dead letters
 * @param alerts           alerts, or null when alerts are not counted
 */
public record TopicNames(String raw, String enriched, String ingestDeadLetter, String enrichDeadLetter, String indexDeadLetter,
        String alerts) {

    public TopicNames {
        required(raw, "raw");
        required(enriched, "enriched");
        required(ingestDeadLetter, "ingestDeadLetter");
        required(enrichDeadLetter, "enrichDeadLetter");
        required(indexDeadLetter, "indexDeadLetter");
        alerts = alerts == null || alerts.isBlank() ? null : alerts;
    }

    /** The alerts topic, when alerts are counted. */
    public Optional<String> alertsTopic() {
        return Optional.ofNullable(alerts);
    }

    /** The three dead-letter topics, ingest first. */
    public List<String> deadLetterTopics() {
        return List.of(ingestDeadLetter, enrichDeadLetter, indexDeadLetter);
    }

    /** Every topic the reconciliation reads. */
    public List<String> all() {
        List<String> all = new ArrayList<>(List.of(raw, enriched, ingestDeadLetter, enrichDeadLetter, indexDeadLetter));
        alertsTopic().ifPresent(all::add);
        return all;
    }

    private static void required(String topic, String name) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("missing topic name: " + name);
        }
    }
}
