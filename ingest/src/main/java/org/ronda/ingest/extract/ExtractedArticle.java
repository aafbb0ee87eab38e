package org.ronda.ingest.extract;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * What extraction found on an article page.
 *
 * @param title         headline, never blank; never repeated in {@code text}
 * @param text          body text without boilerplate, paragraphs separated by a blank line; may be empty
 * @param author        byline (several authors joined with ", "), or null
 * @param publishedTime publication time with the offset the page stated, or null when the page states none
 *                      (never in the future)
 * @param updatedTime   last update time with the offset the page stated, or null (never in the future, never
 *                      before {@code publishedTime})
 * @param language      the page's language (BCP 47 primary tag), or null
 * @param canonicalUrl  the page's canonical URL, or null
 * @param leadImage     absolute URL of the lead image, or null
 * @param partial       true when the page holds only a teaser or a paywall notice, so {@code text} is not the
 *                      whole article
 */
public record ExtractedArticle(
        String title,
        String text,
        String author,
        OffsetDateTime publishedTime,
        OffsetDateTime updatedTime,
        String language,
        String canonicalUrl,
        String leadImage,
        boolean partial) {

    /** The publication instant, or null. */
    public Instant published() {
        return publishedTime == null ? null : publishedTime.toInstant();
    }

    /** The last update instant, or null. */
    public Instant updated() {
        return updatedTime == null ? null : updatedTime.toInstant();
    }
}
