package org.ronda.ingest.fetch;

import java.net.URI;
import java.util.Objects;

/**
 * The server answered 304 to our {@code If-None-Match}/{@code If-Modified-Since}: the resource is the
 * one fetched last time, so the caller can skip it without reading a body.
 *
 * @param requested the URL asked for
 * @param finalUrl  the URL that answered 304, after redirects
 */
public record NotModified(URI requested, URI finalUrl) implements FetchResult {

    public NotModified {
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(finalUrl, "finalUrl");
    }
}
