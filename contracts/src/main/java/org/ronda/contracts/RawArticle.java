package org.ronda.contracts;

import java.time.Instant;

/**
 * An article as ingest fetched and extracted it: published to the raw-articles topic, keyed by
 * {@link #articleId()}.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param eventId       unique id of this event
 * @param articleId     hash of the normalised URL ({@link ArticleIds#of(String)})
 * @param emittedAt     when ingest published the event
 * @param url           the article's URL as found in the feed
 * @param feedUrl       the feed the item was found in
 * @param source        the source list entry
 * @param title         headline
 * @param text          body text, paragraphs separated by blank lines; may be empty
 * @param author        byline, or null
 * @param publishedAt   publication time, or null when unknown
 * @param language      language hint from the page or source (BCP 47), or null
 * @param fetchedAt     when the page was fetched
 * @param canonicalUrl  the page's canonical URL, or null
 * @param updatedAt     the page's last update time, or null
 * @param leadImageUrl  the lead image, or null
 * @param partial       true when the page held only a teaser or a paywall notice; {@code text} is then the feed summary
 * @param feedGuid      the item's GUID or Atom id in its feed, or null
 */
public record RawArticle(
        int schemaVersion,
        String eventId,
        String articleId,
        Instant emittedAt,
        String url,
        String feedUrl,
        SourceRef source,
        String title,
        String text,
        String author,
        Instant publishedAt,
        String language,
        Instant fetchedAt,
        String canonicalUrl,
        Instant updatedAt,
        String leadImageUrl,
        boolean partial,
        String feedGuid) {

    /** The schema version this build writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    public RawArticle {
        Contract.schemaVersion(schemaVersion, SCHEMA_VERSION, "RawArticle");
        Contract.requiredText(eventId, "eventId");
        Contract.articleId(articleId);
        Contract.required(emittedAt, "emittedAt");
        Contract.requiredText(url, "url");
        Contract.required(source, "source");
        Contract.requiredText(title, "title");
        text = text == null ? "" : text;
        Contract.required(fetchedAt, "fetchedAt");
    }
}
