package org.ronda.ingest.fetch;

import java.net.URI;

/**
 * What a conditional fetch ({@link PageFetcher#fetchIfModified}) returns: the page, or the news that
 * it did not change since the last time it was fetched.
 */
public sealed interface FetchResult permits FetchedPage, NotModified {

    /** The URL asked for. */
    URI requested();

    /** The URL that answered, after redirects. */
    URI finalUrl();
}
