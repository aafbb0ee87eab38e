package org.ronda.index.elastic;

import java.util.List;

/**
 * How Elasticsearch answered each item of one bulk request.
 *
 * @param indexed   items stored
 * @param retryable items refused for a passing reason (429, 5xx): send again
 * @param rejected  items refused for good (mapping or parse error), each with its reason
 * @param stale     items older than the document already stored (version conflict): nothing to do
 */
public record BulkOutcome(List<PendingDocument> indexed, List<PendingDocument> retryable, List<Rejection> rejected,
        List<PendingDocument> stale) {

    /** An item Elasticsearch will never accept as it is. */
    public record Rejection(PendingDocument document, String reason, String detail) {
    }
}
