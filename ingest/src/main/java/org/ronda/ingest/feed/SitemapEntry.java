package org.ronda.ingest.feed;

import java.time.Instant;

/**
 * One {@code <url>} of a sitemap. The news fields come from a Google News sitemap's
 * {@code <news:news>} element and are null in a plain sitemap.
 *
 * @param loc          the page URL, absolute
 * @param lastModified {@code <lastmod>}, or null
 * @param title        {@code <news:title>}, or null
 * @param published    {@code <news:publication_date>}, or null
 * @param language     {@code <news:language>} (ISO 639, e.g. {@code id}, {@code zh-tw}), or null
 * @param publication  {@code <news:name>}, or null
 */
public record SitemapEntry(String loc, Instant lastModified, String title, Instant published, String language,
        String publication) {

    /** True when the entry came with a {@code <news:news>} element. */
    public boolean news() {
        return title != null || published != null || publication != null;
    }

    /** The publication date when there is one, else the modification date, else null. */
    public Instant date() {
        return published != null ? published : lastModified;
    }

    /** The entry as a feed item, so sitemaps go through the same item pipeline as feeds. */
    public FeedItem toFeedItem() {
        return new FeedItem(loc, null, title, null, date());
    }
}
