package org.ronda.ingest.feed;

import java.net.URI;
import java.time.Instant;

/**
 * A {@code <sitemap>} of a sitemap index: a child sitemap to fetch.
 *
 * @param loc          its URL, absolute
 * @param lastModified {@code <lastmod>}, or null; a child not modified since the last poll need not be fetched again
 */
public record ChildSitemap(URI loc, Instant lastModified) {
}
