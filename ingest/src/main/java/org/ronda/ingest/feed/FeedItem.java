package org.ronda.ingest.feed;

import java.time.Instant;

/**
 * One item of a feed.
 *
 * @param link      the article URL as the feed gives it
 * @param guid      the item's GUID or Atom id, or null
 * @param title     the item title, or null
 * @param summary   the item description as plain text, or null
 * @param published the item date, or null
 */
public record FeedItem(String link, String guid, String title, String summary, Instant published) {
}
