package org.ronda.ingest.feed;

import java.util.List;

/**
 * A feed document as read.
 *
 * @param feedType  what Rome recognised, e.g. {@code rss_0.91U}, {@code rss_1.0}, {@code rss_2.0}, {@code atom_0.3}, {@code atom_1.0}
 * @param title     the channel or feed title, or null
 * @param items     the items with a usable link, in document order
 * @param skipped   items dropped because their link is missing or not an http(s) URL
 * @param repaired  characters replaced or dropped because the document's bytes did not match its
 *                  encoding or are forbidden in XML; above zero the feed was read anyway
 */
public record ParsedFeed(String feedType, String title, List<FeedItem> items, int skipped, int repaired) {

    public ParsedFeed {
        items = List.copyOf(items);
    }

    /**
     * True when the document is a feed with no usable item. Polled again later, but counted as a
     * soft failure: a live news feed is never empty.
     */
    public boolean empty() {
        return items.isEmpty();
    }
}
