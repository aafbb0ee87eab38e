package org.ronda.index.elastic;

import java.util.Map;

/**
 * A document waiting to be indexed, with the coordinates of the Kafka record it came from, so that
 * every bulk item traces back to its record. {@code version} orders the events of one article (its
 * enrichment time in microseconds): Elasticsearch keeps the document with the highest.
 */
public record PendingDocument(
        String topic, int partition, long offset, String articleId, long version, String payload, Map<String, Object> document) {
}
