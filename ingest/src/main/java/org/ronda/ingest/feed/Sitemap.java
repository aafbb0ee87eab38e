package org.ronda.ingest.feed;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * A sitemap document as read: either a {@code <urlset>} of pages or a {@code <sitemapindex>}
 * of child sitemaps, which the caller fetches and reads in turn.
 *
 * @param index    true for a sitemap index
 * @param entries  the pages of a urlset, in document order; empty for an index
 * @param children the child sitemaps of an index; empty for a urlset
 * @param skipped  entries dropped: no usable {@code <loc>}, or beyond {@link SitemapReader#MAX_ENTRIES}
 */
public record Sitemap(boolean index, List<SitemapEntry> entries, List<ChildSitemap> children, int skipped) {

    public Sitemap {
        entries = List.copyOf(entries);
        children = List.copyOf(children);
    }

    /** Every page as a feed item. */
    public List<FeedItem> items() {
        return entries.stream().map(SitemapEntry::toFeedItem).toList();
    }

    /**
     * The pages dated at or after {@code notBefore}, as feed items. A plain sitemap lists every page
     * of a site, tens of thousands of them; only the recent ones are news. Undated entries are left
     * out.
     */
    public List<FeedItem> itemsSince(Instant notBefore) {
        return entries.stream()
                .filter(e -> e.date() != null && !e.date().isBefore(notBefore))
                .map(SitemapEntry::toFeedItem)
                .toList();
    }

    /** The URLs of the child sitemaps, for the poller to fetch. */
    public List<URI> childUrls() {
        return children.stream().map(ChildSitemap::loc).toList();
    }
}
