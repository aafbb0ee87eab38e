package org.ronda.contracts;

import java.time.Instant;

/**
 * An article with the enrich stage's section: published to the enriched-articles topic, keyed by
 * {@link #articleId()}.
 */
public record EnrichedArticle(
        int schemaVersion, String eventId, String articleId, Instant emittedAt, RawArticle article, Enrichment enrichment) {

    /** The schema version this build writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    public EnrichedArticle {
        Contract.schemaVersion(schemaVersion, SCHEMA_VERSION, "EnrichedArticle");
        Contract.requiredText(eventId, "eventId");
        Contract.articleId(articleId);
        Contract.required(emittedAt, "emittedAt");
        Contract.required(article, "article");
        Contract.required(enrichment, "enrichment");
        if (!articleId.equals(article.articleId())) {
            throw new InvalidEventException("articleId " + articleId + " differs from article.articleId " + article.articleId());
        }
    }
}
