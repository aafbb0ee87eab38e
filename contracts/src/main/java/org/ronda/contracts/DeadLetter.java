package org.ronda.contracts;

import java.time.Instant;

/**
 * A record that a stage could not process, with the reason. Each stage writes its own dead-letter
 * topic; a dead letter is for a bad record, never for a dependency that is down.
 *
 * @param schemaVersion   {@link #SCHEMA_VERSION}
 * @param stage           {@code ingest}, {@code enrich} or {@code index}
 * @param reason          a short reason code such as {@code page-not-found} or {@code invalid-event}
 * @param detail          a human-readable explanation (never the article body)
 * @param articleId       the article id when known, else null
 * @param url             the article URL when known, else null
 * @param sourceTopic     the topic the record was consumed from, or null for ingest
 * @param sourcePartition its partition, or null
 * @param sourceOffset    its offset, or null
 * @param payload         the original record value, so that it can be replayed after a fix, or null
 * @param failedAt        when the stage gave up on it
 */
public record DeadLetter(
        int schemaVersion,
        String stage,
        String reason,
        String detail,
        String articleId,
        String url,
        String sourceTopic,
        Integer sourcePartition,
        Long sourceOffset,
        String payload,
        Instant failedAt) {

    /** The schema version this build writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    public DeadLetter {
        Contract.schemaVersion(schemaVersion, SCHEMA_VERSION, "DeadLetter");
        Contract.requiredText(stage, "stage");
        Contract.requiredText(reason, "reason");
        detail = detail == null ? "" : detail;
        Contract.required(failedAt, "failedAt");
    }
}
